using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace GradCheck.Analyzers.Usage;

/// <summary>
/// The types the usage rules match, resolved once per compilation by metadata name: the assemblies that declare them
/// (GradCheck, GradCheck.Xunit, GradCheck.Xunit.v2) are never referenced by the analyzer.
/// </summary>
internal sealed class GradCheckUsageSymbols
{
    private readonly ImmutableArray<INamedTypeSymbol> gradCheckAttributes;

    private GradCheckUsageSymbols(Compilation compilation, ImmutableArray<INamedTypeSymbol> gradCheckAttributes)
    {
        this.gradCheckAttributes = gradCheckAttributes;
        Differentiable = compilation.GetTypeByMetadataName("GradCheck.Differentiable");
        ShapeAttribute = compilation.GetTypeByMetadataName("GradCheck.ShapeAttribute");
        ConstantAttribute = compilation.GetTypeByMetadataName("GradCheck.Parameters.ConstantAttribute");
        Scalar = compilation.GetTypeByMetadataName("GradCheck.Scalar");
        Matrix = compilation.GetTypeByMetadataName("MathNet.Numerics.LinearAlgebra.Matrix`1");
        Vector = compilation.GetTypeByMetadataName("MathNet.Numerics.LinearAlgebra.Vector`1");
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        TaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        ValueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
        ValueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
    }

    public INamedTypeSymbol? Differentiable { get; }
    public INamedTypeSymbol? ShapeAttribute { get; }
    public INamedTypeSymbol? ConstantAttribute { get; }
    public INamedTypeSymbol? Scalar { get; }
    public INamedTypeSymbol? Matrix { get; }
    public INamedTypeSymbol? Vector { get; }
    public INamedTypeSymbol? Task { get; }
    public INamedTypeSymbol? TaskOfT { get; }
    public INamedTypeSymbol? ValueTask { get; }
    public INamedTypeSymbol? ValueTaskOfT { get; }

    /// <summary>
    /// Null when no <c>GradCheck.GradCheckAttribute</c> is referenced: then nothing is registered. Both the xUnit v3 and
    /// the v2 attribute may be visible at once (same metadata name), so all of them are kept.
    /// </summary>
    public static GradCheckUsageSymbols? TryCreate(Compilation compilation)
    {
        var attributes = compilation.GetTypesByMetadataName("GradCheck.GradCheckAttribute");
        return attributes.IsDefaultOrEmpty ? null : new GradCheckUsageSymbols(compilation, attributes);
    }

    /// <summary>True when the method carries a [GradCheck] attribute.</summary>
    public bool IsGradCheckMethod(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            var type = attribute.AttributeClass;
            if (type is null) continue;
            foreach (var candidate in gradCheckAttributes)
                if (SymbolEqualityComparer.Default.Equals(type, candidate)) return true;
        }

        return false;
    }

    /// <summary>What the runner makes of a parameter's type: only exactly Matrix&lt;double&gt; and Vector&lt;double&gt; are drawn as tensors.</summary>
    public TensorKind KindOf(ITypeSymbol type)
    {
        if (type.TypeKind == TypeKind.Error) return TensorKind.Unknown;
        if (Scalar is not null && SymbolEqualityComparer.Default.Equals(type, Scalar)) return TensorKind.Scalar;
        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
            && named.TypeArguments[0].SpecialType == SpecialType.System_Double)
        {
            if (Matrix is not null && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, Matrix)) return TensorKind.Matrix;
            if (Vector is not null && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, Vector)) return TensorKind.Vector;
        }

        return IsInLinearAlgebra(type) ? TensorKind.OtherMathNet : TensorKind.None;
    }

    /// <summary>True for Matrix&lt;T&gt;, Vector&lt;T&gt; and the types deriving from them (a gradient value).</summary>
    public bool IsMatrixOrVector(ITypeSymbol? type)
    {
        for (var t = type as INamedTypeSymbol; t is not null; t = t.BaseType)
        {
            var definition = t.OriginalDefinition;
            if (SymbolEqualityComparer.Default.Equals(definition, Matrix) || SymbolEqualityComparer.Default.Equals(definition, Vector))
                return true;
        }

        return false;
    }

    /// <summary>True when one of the attributes is of the given class; null when an attribute does not resolve (unknown).</summary>
    public static bool? HasAttribute(ImmutableArray<AttributeData> attributes, INamedTypeSymbol? attributeClass)
    {
        var found = false;
        foreach (var attribute in attributes)
        {
            var type = attribute.AttributeClass;
            if (type is null || type.TypeKind == TypeKind.Error) return null;
            if (attributeClass is not null && SymbolEqualityComparer.Default.Equals(type, attributeClass)) found = true;
        }

        return found;
    }

    private static bool IsInLinearAlgebra(ITypeSymbol type)
    {
        for (var ns = type.ContainingNamespace; ns is not null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
            if (ns.Name == "LinearAlgebra" && ns.ContainingNamespace?.Name == "Numerics" && ns.ContainingNamespace.ContainingNamespace?.Name == "MathNet")
                return true;
        return false;
    }
}

/// <summary>How the runner draws a parameter of a given type.</summary>
internal enum TensorKind
{
    /// <summary>Not a MathNet type: a double or something from FsCheck.</summary>
    None,

    /// <summary>Exactly <c>Matrix&lt;double&gt;</c>.</summary>
    Matrix,

    /// <summary>Exactly <c>Vector&lt;double&gt;</c>.</summary>
    Vector,

    /// <summary>A <c>GradCheck.Scalar</c>: a differentiated scalar input with no dims.</summary>
    Scalar,

    /// <summary>Another MathNet linear-algebra type (DenseMatrix, Matrix&lt;float&gt;...): the runner rejects it.</summary>
    OtherMathNet,

    /// <summary>The type does not resolve.</summary>
    Unknown,
}
