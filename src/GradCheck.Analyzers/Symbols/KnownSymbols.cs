using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace GradCheck.Analyzers.Symbols;

/// <summary>
/// The types both analyzers recognise, resolved once per compilation (and shared by both): MathNet's matrices, vectors
/// and builders, GradCheck's attributes and helpers (the assemblies that declare them are never referenced by the
/// analyzer).
/// </summary>
internal sealed class KnownSymbols
{
    private static readonly ConditionalWeakTable<Compilation, KnownSymbols> PerCompilation = new();

    private KnownSymbols(Compilation compilation)
    {
        var mathNet = TypeLookup.Namespace(compilation, "MathNet", "Numerics", "LinearAlgebra");
        Matrix = TypeLookup.Single(compilation, mathNet, "Matrix", 1);
        Vector = TypeLookup.Single(compilation, mathNet, "Vector", 1);
        MatrixBuilder = TypeLookup.Single(compilation, mathNet, "MatrixBuilder", 1);
        VectorBuilder = TypeLookup.Single(compilation, mathNet, "VectorBuilder", 1);
        var gradCheck = TypeLookup.Namespace(compilation, "GradCheck");
        ShapeAttribute = TypeLookup.Single(compilation, gradCheck, "ShapeAttribute", 0);
        ShapesHelper = TypeLookup.Single(compilation, gradCheck, "Shapes", 0);
        Differentiable = TypeLookup.Single(compilation, gradCheck, "Differentiable", 0);
        ConstantAttribute = TypeLookup.Single(compilation, TypeLookup.Namespace(compilation, "GradCheck", "Parameters"), "ConstantAttribute", 0);
        Scalar = TypeLookup.Single(compilation, gradCheck, "Scalar", 0);
        // xUnit v3 and v2 may both be visible.
        GradCheckAttributes = TypeLookup.All(gradCheck, "GradCheckAttribute", 0);
    }

    /// <summary>The [GradCheck] attributes.</summary>
    private ImmutableArray<INamedTypeSymbol> GradCheckAttributes { get; }

    /// <summary>MathNet's <c>Matrix&lt;T&gt;</c>; null when MathNet is not referenced.</summary>
    public INamedTypeSymbol? Matrix { get; }

    /// <summary>MathNet's <c>Vector&lt;T&gt;</c>.</summary>
    public INamedTypeSymbol? Vector { get; }

    /// <summary>MathNet's <c>MatrixBuilder&lt;T&gt;</c> (<c>Matrix&lt;T&gt;.Build</c>).</summary>
    public INamedTypeSymbol? MatrixBuilder { get; }

    /// <summary>MathNet's <c>VectorBuilder&lt;T&gt;</c> (<c>Vector&lt;T&gt;.Build</c>).</summary>
    public INamedTypeSymbol? VectorBuilder { get; }

    /// <summary>GradCheck's <c>[Shape]</c>.</summary>
    public INamedTypeSymbol? ShapeAttribute { get; }

    /// <summary>GradCheck's <c>Shapes</c> helper, whose <c>Assert(value, dims)</c> states a local's shape.</summary>
    public INamedTypeSymbol? ShapesHelper { get; }

    /// <summary>GradCheck's <c>Differentiable</c>.</summary>
    public INamedTypeSymbol? Differentiable { get; }

    /// <summary>GradCheck's <c>[Constant]</c>.</summary>
    public INamedTypeSymbol? ConstantAttribute { get; }

    /// <summary>GradCheck's <c>Scalar</c> box.</summary>
    public INamedTypeSymbol? Scalar { get; }

    /// <summary>Whether MathNet is referenced (else the shape analyzer registers nothing).</summary>
    public bool HasMathNet => Matrix is not null && Vector is not null;

    /// <summary>Whether a <c>GradCheck.GradCheckAttribute</c> is referenced (else the usage analyzer registers nothing).</summary>
    public bool HasGradCheckAttribute => !GradCheckAttributes.IsEmpty;

    /// <summary>The types of a compilation, resolved by whichever analyzer asks first.</summary>
    public static KnownSymbols From(Compilation compilation) => PerCompilation.GetValue(compilation, c => new KnownSymbols(c));

    /// <summary>True for <c>Matrix&lt;T&gt;</c> and the types deriving from it (DenseMatrix, ...), any element type.</summary>
    public bool IsMatrix(ITypeSymbol? type) => DerivesFrom(type, Matrix);

    /// <summary>True for <c>Vector&lt;T&gt;</c> and the types deriving from it, any element type.</summary>
    public bool IsVector(ITypeSymbol? type) => DerivesFrom(type, Vector);

    /// <summary>True for a matrix or a vector.</summary>
    public bool IsMatrixOrVector(ITypeSymbol? type) => IsMatrix(type) || IsVector(type);

    /// <summary>True for <c>MatrixBuilder&lt;T&gt;</c> (and derived builders); false for vector builders.</summary>
    public bool IsMatrixBuilder(ITypeSymbol? type) => DerivesFrom(type, MatrixBuilder);

    /// <summary>True for <c>VectorBuilder&lt;T&gt;</c> (and derived builders).</summary>
    public bool IsVectorBuilder(ITypeSymbol? type) => DerivesFrom(type, VectorBuilder);

    /// <summary>True when the method carries a <c>[GradCheck]</c> attribute (the xUnit v3 or v2 one).</summary>
    public bool IsGradCheckMethod(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            var type = attribute.AttributeClass;
            if (type is null) continue;
            foreach (var candidate in GradCheckAttributes)
                if (SymbolEqualityComparer.Default.Equals(type, candidate)) return true;
        }

        return false;
    }

    /// <summary>True for types in MathNet.Numerics.LinearAlgebra or one of its sub-namespaces (Double, Single, ...).</summary>
    public static bool IsInLinearAlgebra(ITypeSymbol? type)
    {
        for (var ns = type?.ContainingNamespace; ns is not null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
            if (ns.Name == "LinearAlgebra" && ns.ContainingNamespace?.Name == "Numerics" && ns.ContainingNamespace.ContainingNamespace?.Name == "MathNet")
                return true;
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

    private static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? generic)
    {
        // Fast path for the int/double/bool/string operations that make up most of any method body.
        if (generic is null || type is null || type.SpecialType != SpecialType.None || type.TypeKind != TypeKind.Class) return false;
        // The name first: comparing symbols is far dearer than comparing two interned strings (Name, unlike MetadataName, is
        // not built anew on each read).
        for (var t = type as INamedTypeSymbol; t is not null; t = t.BaseType)
            if (t.Arity == generic.Arity && t.Name == generic.Name && SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, generic)) return true;
        return false;
    }
}
