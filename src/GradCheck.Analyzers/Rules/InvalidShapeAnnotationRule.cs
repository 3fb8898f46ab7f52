using System;
using GradCheck.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace GradCheck.Analyzers.Rules;

/// <summary>GC0005: a [Shape] annotation (or Shapes.Assert) with the wrong number of dims or a malformed dim.</summary>
internal static class InvalidShapeAnnotationRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        RuleIds.InvalidShapeAnnotation,
        title: "Invalid shape annotation",
        messageFormat: "Invalid shape annotation on '{0}': {1}",
        category: RuleIds.Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Matrix<T> takes exactly two dims (rows, columns) and Vector<T> one; each dim is an identifier such as N or Batch, or a non-negative integer literal. An invalid annotation silently disables shape checking of everything it touches, so it is an error.",
        helpLinkUri: RuleIds.HelpLink(RuleIds.InvalidShapeAnnotation));

    /// <summary>Reports an invalid annotation at the attribute.</summary>
    public static void Check(Action<Diagnostic> report, Annotation? annotation, string targetName, Location fallback)
    {
        if (annotation?.Problem is null) return;
        var location = annotation.Attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? fallback;
        report(Diagnostic.Create(Descriptor, location, targetName, annotation.Problem));
    }
}
