using GradCheck.Dims;

namespace GradCheck.Analyzers.Facts;

/// <summary>Two dims a use needs equal that definitely differ, and (when an unknown led there) the use that fixed one.</summary>
internal sealed class Mismatch
{
    public Mismatch(DimExpression left, DimExpression right, Provenance? provenance)
    {
        Left = left;
        Right = right;
        Provenance = provenance;
    }

    public DimExpression Left { get; }

    public DimExpression Right { get; }

    public Provenance? Provenance { get; }
}
