namespace GradCheck.Analyzers.Usage;

/// <summary>The diagnostic IDs of the [GradCheck] usage analyzer, and their category.</summary>
public static class UsageRuleIds
{
    /// <summary>Matrix or vector parameter of a [GradCheck] method without a [Shape]: its sizes are drawn independently.</summary>
    public const string UnshapedTensorParameter = "GC0006";

    /// <summary>[GradCheck] method whose return type the runner cannot check.</summary>
    public const string UncheckableReturnType = "GC0007";

    /// <summary>Backward pass that visibly returns more or fewer gradients than there are differentiated inputs.</summary>
    public const string GradientCountMismatch = "GC0008";

    /// <summary>Category shared by the usage rules (for .editorconfig bulk configuration).</summary>
    public const string Category = "Usage";
}
