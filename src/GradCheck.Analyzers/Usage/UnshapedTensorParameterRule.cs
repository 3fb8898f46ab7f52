using System;
using GradCheck.Analyzers.Symbols;
using Microsoft.CodeAnalysis;

namespace GradCheck.Analyzers.Usage;

/// <summary>GC0006: a Matrix or Vector (of double or float) parameter of a [GradCheck] method without a [Shape].</summary>
internal static class UnshapedTensorParameterRule
{
    /// <summary>Reports every unshaped matrix or vector parameter of a [GradCheck] method.</summary>
    public static void Check(Action<Diagnostic> report, IMethodSymbol method, KnownSymbols types)
    {
        // Without ShapeAttribute in the compilation there is no way to tell what an annotation would be.
        if (types.ShapeAttribute is null) return;
        foreach (var parameter in method.Parameters)
        {
            // By-reference parameters are rejected by the runner for another reason.
            if (parameter.RefKind != RefKind.None) continue;
            var kind = TensorKinds.KindOf(parameter.Type, types);
            if (kind is not (TensorKind.Matrix or TensorKind.Vector)) continue;
            if (KnownSymbols.HasAttribute(parameter.GetAttributes(), types.ShapeAttribute) != false) continue;

            var location = parameter.Locations.IsEmpty ? Location.None : parameter.Locations[0];
            var consequence = kind == TensorKind.Matrix ? "its rows and columns are drawn as sizes of their own" : "its length is drawn as a size of its own";
            report(Diagnostic.Create(
                Descriptors.UnshapedTensorParameter, location, parameter.Name, method.Name, TensorKinds.Display(parameter.Type), consequence));
        }
    }
}
