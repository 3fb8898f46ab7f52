using System.Collections.Immutable;
using GradCheck.Analyzers.Facts;
using GradCheck.Analyzers.Facts.Findings;
using Microsoft.CodeAnalysis;

namespace GradCheck.Analyzers.Rules;

/// <summary>GC0003: a value stored, passed or returned against a declared (or inferred) shape.</summary>
internal static class AnnotatedTargetShapeMismatchRule
{
    public static Diagnostic Report(TargetMismatch finding) =>
        Diagnostic.Create(Descriptors.AnnotatedTargetShapeMismatch, finding.Syntax.GetLocation(), SumsProperties(finding.SumsFix),
            finding.Value, finding.Target, finding.Declared, Provenance.Suffix(finding.Provenance));

    /// <summary>The RowSums ↔ ColumnSums hint for the code fix.</summary>
    public static ImmutableDictionary<string, string?> SumsProperties(string? sumsFix) =>
        sumsFix is null ? ImmutableDictionary<string, string?>.Empty : ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.SumsFix, sumsFix);
}
