using System;
using GradCheck.Analyzers.Facts;
using GradCheck.Analyzers.Facts.Findings;
using GradCheck.Analyzers.Model;
using GradCheck.Analyzers.Symbols;
using Microsoft.CodeAnalysis;

namespace GradCheck.Analyzers.Rules;

/// <summary>GC0005: a [Shape] annotation (or Shapes.Assert) with the wrong number of dims or a malformed dim (the dim grammar's own words).</summary>
internal static class InvalidShapeAnnotationRule
{
    public static Diagnostic Report(InvalidAssertion finding) =>
        Diagnostic.Create(Descriptors.InvalidShapeAnnotation, finding.Syntax.GetLocation(), finding.ValueText, finding.Problem);

    /// <summary>Checks the annotations a symbol carries: a parameter's, field's or property's, a method's return value's.</summary>
    public static void CheckSymbol(ISymbol symbol, ShapeContext context, Action<Diagnostic> report)
    {
        var types = context.Types;
        var fallback = symbol.Locations.IsEmpty ? Location.None : symbol.Locations[0];
        switch (symbol)
        {
            case IMethodSymbol method:
                // Accessors are checked through their property; parameters and the return value through their method.
                if (method.AssociatedSymbol is IPropertySymbol) return;
                Check(method.GetReturnTypeAttributes(), context.ReturnAnnotationOf(method), method.Name + " (return value)", fallback, types, report);
                foreach (var parameter in method.Parameters)
                    Check(parameter.GetAttributes(), context.AnnotationOf(parameter), parameter.Name,
                        parameter.Locations.IsEmpty ? fallback : parameter.Locations[0], types, report);
                break;
            case IFieldSymbol or IPropertySymbol:
                Check(symbol.GetAttributes(), context.AnnotationOf(symbol), symbol.Name, fallback, types, report);
                break;
        }
    }

    private static void Check(
        System.Collections.Immutable.ImmutableArray<AttributeData> attributes, Annotation? annotation, string name, Location fallback, KnownSymbols types,
        Action<Diagnostic> report)
    {
        if (annotation?.Problem is null) return;
        var location = Annotation.ShapeAttributeOf(attributes, types)?.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? fallback;
        report(Diagnostic.Create(Descriptors.InvalidShapeAnnotation, location, name, annotation.Problem));
    }
}
