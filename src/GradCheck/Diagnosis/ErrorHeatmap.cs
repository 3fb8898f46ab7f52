using System.Text;

namespace GradCheck;

/// <summary>
/// A coarse picture of where an input's gradient is wrong: the input is cut into row and column bands and each cell
/// keeps the worst verdict (and relative error) of the elements and probes that landed in it. Whole wrong rows or
/// columns point to a forgotten batch sum or a misplaced axis; a wrong block everywhere but the diagonal points to a
/// missing transpose. <see cref="ToString"/> draws it as the report prints it.
/// </summary>
public sealed class ErrorHeatmap
{
    private readonly TensorShape shape;
    private readonly HeatmapCell[,] cells;

    internal ErrorHeatmap(TensorShape shape, int maxBandRows = 16, int maxBandColumns = 32)
    {
        this.shape = shape;
        BandRowCount = shape.IsMatrix ? Math.Min(shape.Rows, maxBandRows) : 1;
        BandColumnCount = shape.IsMatrix ? Math.Min(shape.Columns, maxBandColumns) : Math.Min(shape.Rows, maxBandColumns);
        cells = new HeatmapCell[BandRowCount, BandColumnCount];
    }

    /// <summary>How many bands the rows are cut into (1 for a vector).</summary>
    public int BandRowCount { get; }

    /// <summary>How many bands the columns (a vector's elements) are cut into.</summary>
    public int BandColumnCount { get; }

    /// <summary>The cell of one row band and one column band.</summary>
    public HeatmapCell this[int bandRow, int bandColumn] => cells[bandRow, bandColumn];

    /// <summary>The first and last row (a vector: element) of a row band.</summary>
    public (int First, int Last) RowsOf(int bandRow) => shape.IsMatrix ? Band(bandRow, BandRowCount, shape.Rows) : (0, 0);

    /// <summary>The first and last column (a vector: element) of a column band.</summary>
    public (int First, int Last) ColumnsOf(int bandColumn) => Band(bandColumn, BandColumnCount, shape.IsMatrix ? shape.Columns : shape.Rows);

    /// <summary>Records one element's or probe's verdict; a cell keeps the worst of what lands in it.</summary>
    internal void Add(int index, Verdict verdict, double relativeError)
    {
        var (row, column) = shape.Position(index);
        var (bandRow, bandColumn) = shape.IsMatrix
            ? (BandOf(row, BandRowCount, shape.Rows), BandOf(column, BandColumnCount, shape.Columns))
            : (0, BandOf(row, BandColumnCount, shape.Rows));
        var candidate = new HeatmapCell(verdict, verdict == Verdict.Failed ? Math.Max(relativeError, 0) : 0);
        if (candidate.Severity > cells[bandRow, bandColumn].Severity) cells[bandRow, bandColumn] = candidate;
    }

    /// <summary>The heatmap as the report draws it: a legend line, then one line per row band.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(shape.IsMatrix
            ? $"relative error, rows 0..{shape.Rows - 1} in {Bands(BandRowCount)} (down) x columns 0..{shape.Columns - 1} in {Bands(BandColumnCount)} (across)"
            : $"relative error, elements 0..{shape.Rows - 1} in {Bands(BandColumnCount)}");
        text.AppendLine(":  . ok   - <1e-3   + <1e-1   # >=1e-1   ~ kink   (blank) not checked");
        for (var r = 0; r < BandRowCount; r++)
        {
            text.Append("    |");
            for (var c = 0; c < BandColumnCount; c++) text.Append(cells[r, c].Symbol);
            text.AppendLine("|");
        }

        return text.ToString().TrimEnd();
    }

    private static (int First, int Last) Band(int band, int bands, int length) => (band * length / bands, (band + 1) * length / bands - 1);

    // The band whose range (see Band) holds the index: the last band starting at or before it, where the localiser's blocks start too.
    private static int BandOf(int index, int bands, int length) => (int)(((long)index + 1) * bands - 1) / length;

    private static string Bands(int count) => count == 1 ? "1 band" : $"{count} bands";
}

/// <summary>One cell of an <see cref="ErrorHeatmap"/>.</summary>
/// <param name="Verdict">The worst verdict in the cell; null when nothing in it was checked.</param>
/// <param name="WorstRelativeError">For a <see cref="GradCheck.Verdict.Failed"/> cell, the largest relative error in it; else 0.</param>
public readonly record struct HeatmapCell(Verdict? Verdict, double WorstRelativeError)
{
    // Not checked < passed < on a kink < failed (by relative error).
    internal double Severity => Verdict switch
    {
        null => -3,
        GradCheck.Verdict.Passed => -2,
        GradCheck.Verdict.NonDifferentiable => -1,
        _ => WorstRelativeError,
    };

    /// <summary>The character the report draws: blank, '.', '~', '-' (&lt;1e-3), '+' (&lt;1e-1) or '#'.</summary>
    public char Symbol => Verdict switch
    {
        null => ' ',
        GradCheck.Verdict.Passed => '.',
        GradCheck.Verdict.NonDifferentiable => '~',
        _ => WorstRelativeError switch { < 1e-3 => '-', < 1e-1 => '+', _ => '#' },
    };
}
