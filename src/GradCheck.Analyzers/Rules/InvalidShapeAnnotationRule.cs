using System.Collections.Generic;
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
    /// <returns>The diagnostics, null when there are none (the usual case).</returns>
    // Runs on every member of the compilation: names and locations are made only for a malformed annotation.
    public static List<Diagnostic>? CheckSymbol(ISymbol symbol, ShapeContext context)
    {
        var types = context.Types;
        List<Diagnostic>? report = null;
        switch (symbol)
        {
            case IMethodSymbol method:
                // Accessors are checked through their property; parameters and the return value through their method.
                if (method.AssociatedSymbol is IPropertySymbol) return null;
                if (context.ReturnAnnotationOf(method)?.Problem is { } returnProblem)
                    Report(method.GetReturnTypeAttributes(), returnProblem, method.Name + " (return value)", FirstLocation(symbol), types, ref report);
                foreach (var parameter in method.Parameters)
                {
                    if (context.AnnotationOf(parameter)?.Problem is not { } problem) continue;
                    Report(parameter.GetAttributes(), problem, parameter.Name,
                        parameter.Locations.IsEmpty ? FirstLocation(symbol) : parameter.Locations[0], types, ref report);
                }

                break;
            case IFieldSymbol or IPropertySymbol:
                if (context.AnnotationOf(symbol)?.Problem is { } memberProblem)
                    Report(symbol.GetAttributes(), memberProblem, symbol.Name, FirstLocation(symbol), types, ref report);
                break;
        }

        return report;
    }

    private static Location FirstLocation(ISymbol symbol) => symbol.Locations.IsEmpty ? Location.None : symbol.Locations[0];

    private static void Report(
        System.Collections.Immutable.ImmutableArray<AttributeData> attributes, string problem, string name, Location fallback, KnownSymbols types,
        ref List<Diagnostic>? report)
    {
        var location = Annotation.ShapeAttributeOf(attributes, types)?.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? fallback;
        (report ??= new List<Diagnostic>()).Add(Diagnostic.Create(Descriptors.InvalidShapeAnnotation, location, name, problem));
    }
}
