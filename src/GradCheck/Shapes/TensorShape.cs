namespace GradCheck;

/// <summary>The shape of a matrix (rows × columns), a vector (length) or a scalar, and how its elements are numbered.</summary>
internal readonly record struct TensorShape(int Rows, int Columns, TensorKind Kind)
{
    public TensorShape(int rows, int columns, bool IsMatrix) : this(rows, columns, IsMatrix ? TensorKind.Matrix : TensorKind.Vector) { }

    public bool IsMatrix => Kind == TensorKind.Matrix;

    public bool IsScalar => Kind == TensorKind.Scalar;

    public int Count => Rows * Columns;

    /// <summary>Elements are numbered in column-major order, as MathNet stores dense matrices.</summary>
    public (int Row, int Column) Position(int index) => IsMatrix ? (index % Rows, index / Rows) : (index, 0);

    public int Index(int row, int column) => IsMatrix ? column * Rows + row : row;

    /// <summary>"[2, 3]" for a matrix element, "[2]" for a vector's.</summary>
    public string ElementLabel(int index)
    {
        var (row, column) = Position(index);
        return IsMatrix ? $"[{row}, {column}]" : $"[{row}]";
    }

    /// <summary>"3×4", "5" or "1".</summary>
    public override string ToString() => IsMatrix ? $"{Rows}×{Columns}" : IsScalar ? "1" : $"{Rows}";

    /// <summary>"matrix", "vector" or "scalar".</summary>
    public string KindName => Kind switch { TensorKind.Matrix => "matrix", TensorKind.Scalar => "scalar", _ => "vector" };

    /// <summary>A single value, numbered 0.</summary>
    public static TensorShape Scalar { get; } = new(1, 1, TensorKind.Scalar);
}
