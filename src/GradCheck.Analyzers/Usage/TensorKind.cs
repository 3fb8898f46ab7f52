using GradCheck.Analyzers.Symbols;
using Microsoft.CodeAnalysis;

namespace GradCheck.Analyzers.Usage;

/// <summary>How the [GradCheck] runner draws a parameter of a given type.</summary>
internal enum TensorKind
{
    /// <summary>Not a MathNet type: a double, a float or something from FsCheck.</summary>
    None,

    /// <summary>Exactly <c>Matrix&lt;double&gt;</c> or <c>Matrix&lt;float&gt;</c>.</summary>
    Matrix,

    /// <summary>Exactly <c>Vector&lt;double&gt;</c> or <c>Vector&lt;float&gt;</c>.</summary>
    Vector,

    /// <summary>A <c>GradCheck.Scalar</c>: a differentiated scalar input with no dims.</summary>
    Scalar,

    /// <summary>Another MathNet linear-algebra type (DenseMatrix, Matrix&lt;Complex&gt;...): the runner rejects it.</summary>
    OtherMathNet,

    /// <summary>The type does not resolve.</summary>
    Unknown,
}

/// <summary>Classifies a [GradCheck] method's parameter types as the runner draws them.</summary>
internal static class TensorKinds
{
    public static TensorKind KindOf(ITypeSymbol type, KnownSymbols types)
    {
        if (type.TypeKind == TypeKind.Error) return TensorKind.Unknown;
        if (types.Scalar is not null && SymbolEqualityComparer.Default.Equals(type, types.Scalar)) return TensorKind.Scalar;
        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
            && named.TypeArguments[0].SpecialType is SpecialType.System_Double or SpecialType.System_Single)
        {
            if (SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, types.Matrix)) return TensorKind.Matrix;
            if (SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, types.Vector)) return TensorKind.Vector;
        }

        return KnownSymbols.IsInLinearAlgebra(type) ? TensorKind.OtherMathNet : TensorKind.None;
    }

    /// <summary>How a message names the type: Matrix&lt;double&gt;, Vector&lt;float&gt;.</summary>
    public static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
}
