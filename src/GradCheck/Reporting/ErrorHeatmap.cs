using System.Text;

namespace GradCheck;

/// <summary>
/// A coarse picture of where an input's gradient is wrong: the input is cut into row and column bands and each cell
/// shows its worst relative error. Whole wrong rows or columns point to a forgotten batch sum or a misplaced axis; a
/// wrong block everywhere but the diagonal points to a missing transpose.
/// </summary>
internal sealed class ErrorHeatmap
{
    // Severities in increasing order; a failed element's relative error (≥ 0) outranks them all.
    private const double NotChecked = -3, Passed = -2, Kink = -1;
    private readonly TensorShape shape;
    private readonly int bandRows, bandColumns;
    private readonly double[,] cells;

    public ErrorHeatmap(TensorShape shape, int maxBandRows = 16, int maxBandColumns = 32)
    {
        this.shape = shape;
        bandRows = shape.IsMatrix ? Math.Min(shape.Rows, maxBandRows) : 1;
        bandColumns = shape.IsMatrix ? Math.Min(shape.Columns, maxBandColumns) : Math.Min(shape.Rows, maxBandColumns);
        cells = new double[bandRows, bandColumns];
        for (var r = 0; r < bandRows; r++)
            for (var c = 0; c < bandColumns; c++) cells[r, c] = NotChecked;
    }

    /// <summary>Records one element's outcome; a cell keeps the worst of what lands in it.</summary>
    public void Add(int index, Outcome outcome, double relativeError)
    {
        var (row, column) = shape.Position(index);
        var (bandRow, bandColumn) = shape.IsMatrix
            ? (row * bandRows / shape.Rows, column * bandColumns / shape.Columns)
            : (0, row * bandColumns / shape.Rows);
        var value = outcome switch { Outcome.Passed => Passed, Outcome.NonDifferentiable => Kink, _ => Math.Max(relativeError, 0) };
        cells[bandRow, bandColumn] = Math.Max(cells[bandRow, bandColumn], value);
    }

    public string Render()
    {
        var text = new StringBuilder();
        text.Append(shape.IsMatrix
            ? $"relative error, rows 0..{shape.Rows - 1} in {Bands(bandRows)} (down) x columns 0..{shape.Columns - 1} in {Bands(bandColumns)} (across)"
            : $"relative error, elements 0..{shape.Rows - 1} in {Bands(bandColumns)}");
        text.AppendLine(":  . ok   - <1e-3   + <1e-1   # >=1e-1   ~ kink   (blank) not checked");
        for (var r = 0; r < bandRows; r++)
        {
            text.Append("    |");
            for (var c = 0; c < bandColumns; c++) text.Append(Symbol(cells[r, c]));
            text.AppendLine("|");
        }

        return text.ToString().TrimEnd();
    }

    private static string Bands(int count) => count == 1 ? "1 band" : $"{count} bands";

    private static char Symbol(double cell) => cell switch
    {
        NotChecked => ' ',
        Passed => '.',
        Kink => '~',
        < 1e-3 => '-',
        < 1e-1 => '+',
        _ => '#',
    };
}
