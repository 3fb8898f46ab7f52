namespace GradCheck;

/// <summary>The shape of a matrix (rows × columns) or a vector (length), and how its elements are numbered.</summary>
internal readonly record struct TensorShape(int Rows, int Columns, bool IsMatrix)
{
    public int Count => Rows * Columns;

    /// <summary>Elements are numbered in column-major order, as MathNet stores dense matrices.</summary>
    public (int Row, int Column) Position(int index) => IsMatrix ? (index % Rows, index / Rows) : (index, 0);

    public int Index(int row, int column) => IsMatrix ? column * Rows + row : row;

    public string Describe(int index)
    {
        var (row, column) = Position(index);
        return IsMatrix ? $"[{row}, {column}]" : $"[{row}]";
    }

    public override string ToString() => IsMatrix ? $"{Rows}×{Columns}" : $"{Rows}";
}
