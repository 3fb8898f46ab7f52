namespace GradCheck;

/// <summary>The shape of a matrix (rows × columns), a vector (length) or a scalar, and how its elements are numbered.</summary>
internal readonly record struct TensorShape(int Rows, int Columns, bool IsMatrix, bool IsScalar = false)
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

    public override string ToString() => IsMatrix ? $"{Rows}×{Columns}" : IsScalar ? "1" : $"{Rows}";

    /// <summary>"matrix", "vector" or "scalar".</summary>
    public string Kind => IsMatrix ? "matrix" : IsScalar ? "scalar" : "vector";

    /// <summary>A single value, numbered 0.</summary>
    public static TensorShape Scalar { get; } = new(1, 1, IsMatrix: false, IsScalar: true);
}
