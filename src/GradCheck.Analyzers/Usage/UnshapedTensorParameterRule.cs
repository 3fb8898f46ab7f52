using System;
using GradCheck.Analyzers.Rules;
using Microsoft.CodeAnalysis;

namespace GradCheck.Analyzers.Usage;

/// <summary>GC0006: a Matrix&lt;double&gt; or Vector&lt;double&gt; parameter of a [GradCheck] method without a [Shape].</summary>
internal static class UnshapedTensorParameterRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        UsageRuleIds.UnshapedTensorParameter,
        title: "[GradCheck] matrix or vector parameter without [Shape]",
        messageFormat: "Parameter '{0}' of [GradCheck] method '{1}' is a {2} without [Shape]: {3}, unrelated to the other parameters' sizes",
        category: UsageRuleIds.Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The runner draws one size per [Shape] symbol and shares it between the parameters that name it. A matrix or vector without [Shape] still runs, but every one of its dims is drawn on its own, so a product or sum with another parameter usually fails on mismatched sizes instead of checking the gradient.",
        helpLinkUri: RuleIds.HelpLink(UsageRuleIds.UnshapedTensorParameter));

    /// <summary>Reports every unshaped Matrix&lt;double&gt;/Vector&lt;double&gt; parameter of a [GradCheck] method.</summary>
    public static void Check(Action<Diagnostic> report, IMethodSymbol method, GradCheckUsageSymbols types)
    {
        // Without ShapeAttribute in the compilation there is no way to tell what an annotation would be.
        if (types.ShapeAttribute is null) return;
        foreach (var parameter in method.Parameters)
        {
            // By-reference parameters are rejected by the runner for another reason.
            if (parameter.RefKind != RefKind.None) continue;
            var kind = types.KindOf(parameter.Type);
            if (kind is not (TensorKind.Matrix or TensorKind.Vector)) continue;
            if (GradCheckUsageSymbols.HasAttribute(parameter.GetAttributes(), types.ShapeAttribute) != false) continue;

            var location = parameter.Locations.IsEmpty ? Location.None : parameter.Locations[0];
            var (typeName, consequence) = kind == TensorKind.Matrix
                ? ("Matrix<double>", "its rows and columns are drawn as sizes of their own")
                : ("Vector<double>", "its length is drawn as a size of its own");
            report(Diagnostic.Create(Descriptor, location, parameter.Name, method.Name, typeName, consequence));
        }
    }
}
