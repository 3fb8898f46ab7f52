using System.Collections.Immutable;
using GradCheck.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace GradCheck.Analyzers.Rules;

/// <summary>GC0004: dimension balancing — ∂L/∂X has the shape of X, so a gradient named after X must have X's shape.</summary>
internal static class GradientShapeMismatchRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        RuleIds.GradientShapeMismatch,
        title: "Gradient does not have the shape of its variable",
        messageFormat: "Gradient '{0}' has shape {1}, but '{2}' has shape {3}",
        category: RuleIds.Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The gradient of a scalar loss with respect to X has exactly the shape of X (dimension balancing). A gradient named dX, dx, gradX, xGrad or dLdX whose shape differs from X's is wrong, whatever its values.",
        helpLinkUri: RuleIds.HelpLink(RuleIds.GradientShapeMismatch));

    /// <summary>Reports when the gradient's value provably differs from the shape of the variable it is named after.</summary>
    public static void Check(DiagnosticSink? sink, IOperation valueOperation, Shape? value, string gradientName, string variableName, Shape? variableShape, ImmutableDictionary<string, string?>? properties = null)
    {
        if (sink is null || !Shape.DefinitelyDiffer(value, variableShape)) return;
        sink.Report(Diagnostic.Create(Descriptor, valueOperation.Syntax.GetLocation(), properties, gradientName, value, variableName, variableShape));
    }
}
