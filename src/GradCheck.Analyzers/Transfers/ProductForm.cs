namespace GradCheck.Analyzers.Transfers;

/// <summary>How the operands of a product are read (MathNet's fused transpose-multiply methods).</summary>
internal enum ProductForm
{
    /// <summary>A·B (operator *, Multiply).</summary>
    Plain,

    /// <summary>Aᵀ·B (TransposeThisAndMultiply).</summary>
    TransposeLeft,

    /// <summary>A·Bᵀ (TransposeAndMultiply).</summary>
    TransposeRight,
}
