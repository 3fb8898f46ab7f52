namespace GradCheck.Analyzers;

/// <summary>The properties a diagnostic carries for its code fix (the code fixes have no shapes of their own).</summary>
internal static class DiagnosticProperties
{
    /// <summary>On GC0001: the rewrites of the product that balance it and give the shape its context needs, best first.</summary>
    public const string ProductRewrites = "ProductRewrites";

    /// <summary>On GC0003/GC0004: the sums method (RowSums or ColumnSums) that would give the expected shape.</summary>
    public const string SumsFix = "SumsFix";
}
