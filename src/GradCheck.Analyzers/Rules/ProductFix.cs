namespace GradCheck.Analyzers.Rules;

/// <summary>The rewrites of a product A·B that a GC0001 diagnostic can carry, named in its ProductFixes property.</summary>
public static class ProductFix
{
    /// <summary>Aᵀ·B balances (A.TransposeThisAndMultiply(B)).</summary>
    public const string TransposeLeft = "TransposeLeft";

    /// <summary>A·Bᵀ balances (A.TransposeAndMultiply(B)).</summary>
    public const string TransposeRight = "TransposeRight";

    /// <summary>B·A balances.</summary>
    public const string Swap = "Swap";
}
