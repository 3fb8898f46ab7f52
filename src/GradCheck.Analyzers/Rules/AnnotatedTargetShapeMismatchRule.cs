using System.Collections.Immutable;
using GradCheck.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace GradCheck.Analyzers.Rules;

/// <summary>GC0003: a value assigned, passed or returned where a [Shape] annotation states another shape.</summary>
internal static class AnnotatedTargetShapeMismatchRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        RuleIds.AnnotatedTargetShapeMismatch,
        title: "Value does not have the declared shape",
        messageFormat: "Value of shape {0} {1}, which is declared {2}",
        category: RuleIds.Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A field, property, parameter, out parameter or return value annotated with [Shape] received a value of another shape. Annotations are the contract the rest of the network relies on: a layer whose output is transposed breaks every layer after it.",
        helpLinkUri: RuleIds.HelpLink(RuleIds.AnnotatedTargetShapeMismatch));

    /// <summary>Reports when <paramref name="value"/> provably differs from <paramref name="declared"/>.</summary>
    public static void Check(DiagnosticSink? sink, IOperation valueOperation, Shape? value, Shape? declared, string targetDescription, ImmutableDictionary<string, string?>? properties = null)
    {
        if (sink is null || !Shape.DefinitelyDiffer(value, declared)) return;
        sink.Report(Diagnostic.Create(Descriptor, valueOperation.Syntax.GetLocation(), properties, value, targetDescription, declared));
    }
}
