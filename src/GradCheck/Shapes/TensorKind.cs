namespace GradCheck;

/// <summary>What an input or output is: a matrix, a vector or a scalar.</summary>
public enum TensorKind
{
    /// <summary>A <c>Matrix&lt;T&gt;</c>: rows × columns.</summary>
    Matrix,

    /// <summary>A <c>Vector&lt;T&gt;</c>: a length (its column count is 1).</summary>
    Vector,

    /// <summary>A single value (a <see cref="GradCheck.Scalar"/> input, or a loss): 1 × 1.</summary>
    Scalar,
}
