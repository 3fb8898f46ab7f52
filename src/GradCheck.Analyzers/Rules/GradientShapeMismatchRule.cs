using GradCheck.Analyzers.Facts;
using GradCheck.Analyzers.Facts.Findings;
using Microsoft.CodeAnalysis;

namespace GradCheck.Analyzers.Rules;

/// <summary>GC0004: dimension balancing — ∂L/∂X has the shape of X, so a gradient named after X must have X's shape.</summary>
internal static class GradientShapeMismatchRule
{
    public static Diagnostic Report(GradientMismatch finding) =>
        Diagnostic.Create(Descriptors.GradientShapeMismatch, finding.Syntax.GetLocation(), AnnotatedTargetShapeMismatchRule.SumsProperties(finding.SumsFix),
            finding.Gradient, finding.Value, finding.Variable, finding.VariableShape, Provenance.Suffix(finding.Provenance));
}
