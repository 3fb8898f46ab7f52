using GradCheck.Analyzers.Facts;
using GradCheck.Analyzers.Facts.Findings;
using Microsoft.CodeAnalysis;

namespace GradCheck.Analyzers.Rules;

/// <summary>GC0002: element-wise operations, dot products and concatenations between operands that do not fit.</summary>
internal static class ElementwiseShapeMismatchRule
{
    public static Diagnostic Report(OperandMismatch finding) =>
        Diagnostic.Create(Descriptors.ElementwiseShapeMismatch, finding.Syntax.GetLocation(),
            finding.OperationName, finding.Left, finding.Right, finding.Detail + Provenance.Suffix(finding.Provenance));
}
