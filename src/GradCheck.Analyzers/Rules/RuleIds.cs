namespace GradCheck.Analyzers.Rules;

/// <summary>The diagnostic IDs of the shape analyzer, and where their documentation lives.</summary>
public static class RuleIds
{
    /// <summary>Matrix or matrix–vector product whose inner dimensions differ.</summary>
    public const string ProductShapeMismatch = "GC0001";

    /// <summary>Element-wise operation, Add/Subtract, DotProduct or concatenation between incompatible shapes.</summary>
    public const string ElementwiseShapeMismatch = "GC0002";

    /// <summary>Value assigned, passed or returned against a [Shape] annotation.</summary>
    public const string AnnotatedTargetShapeMismatch = "GC0003";

    /// <summary>Gradient (dX, gradX, xGrad, dLdX) whose shape is not the shape of X.</summary>
    public const string GradientShapeMismatch = "GC0004";

    /// <summary>Malformed [Shape] annotation.</summary>
    public const string InvalidShapeAnnotation = "GC0005";

    /// <summary>Category shared by all rules (for .editorconfig bulk configuration).</summary>
    public const string Category = "Shapes";

    /// <summary>Diagnostic property naming the product rewrites that balance a GC0001 product (comma-separated).</summary>
    public const string ProductFixesProperty = "ProductFixes";

    /// <summary>Diagnostic property naming the sums method (RowSums or ColumnSums) that would give the expected shape.</summary>
    public const string SumsFixProperty = "SumsFix";

    internal static string HelpLink(string id) => "https://github.com/GradCheck/GradCheck/blob/main/docs/rules/" + id + ".md";
}
