using System;
using GradCheck.Analyzers.Facts.Findings;
using Microsoft.CodeAnalysis;

namespace GradCheck.Analyzers.Rules;

/// <summary>Hands each finding of the inference pass to the rule that reports its kind.</summary>
internal static class FindingReporter
{
    public static Diagnostic ToDiagnostic(Finding finding) => finding switch
    {
        ProductMismatch product => ProductShapeMismatchRule.Report(product),
        OperandMismatch operands => ElementwiseShapeMismatchRule.Report(operands),
        TargetMismatch target => AnnotatedTargetShapeMismatchRule.Report(target),
        GradientMismatch gradient => GradientShapeMismatchRule.Report(gradient),
        InvalidAssertion assertion => InvalidShapeAnnotationRule.Report(assertion),
        _ => throw new ArgumentOutOfRangeException(nameof(finding), finding.GetType().Name, "a finding no rule reports"),
    };
}
