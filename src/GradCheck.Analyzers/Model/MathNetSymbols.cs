using Microsoft.CodeAnalysis;

namespace GradCheck.Analyzers.Model;

/// <summary>The types the analyzer recognises, resolved once per compilation.</summary>
internal sealed class MathNetSymbols
{
    private MathNetSymbols(INamedTypeSymbol matrix, INamedTypeSymbol vector, INamedTypeSymbol? shapeAttribute, INamedTypeSymbol? shapesHelper)
    {
        Matrix = matrix;
        Vector = vector;
        ShapeAttribute = shapeAttribute;
        ShapesHelper = shapesHelper;
    }

    public INamedTypeSymbol Matrix { get; }
    public INamedTypeSymbol Vector { get; }
    public INamedTypeSymbol? ShapeAttribute { get; }

    /// <summary>The optional <c>GradCheck.Shapes</c> helper whose <c>Assert(value, dims)</c> states a local's shape.</summary>
    public INamedTypeSymbol? ShapesHelper { get; }

    /// <summary>Null when MathNet is not referenced: then the analyzer does nothing at all.</summary>
    public static MathNetSymbols? TryCreate(Compilation compilation)
    {
        var matrix = compilation.GetTypeByMetadataName("MathNet.Numerics.LinearAlgebra.Matrix`1");
        var vector = compilation.GetTypeByMetadataName("MathNet.Numerics.LinearAlgebra.Vector`1");
        if (matrix is null || vector is null) return null;
        return new MathNetSymbols(
            matrix,
            vector,
            compilation.GetTypeByMetadataName("GradCheck.ShapeAttribute"),
            compilation.GetTypeByMetadataName("GradCheck.Shapes"));
    }

    public bool IsMatrix(ITypeSymbol? type) => DerivesFrom(type, Matrix);
    public bool IsVector(ITypeSymbol? type) => DerivesFrom(type, Vector);
    public bool IsMatrixOrVector(ITypeSymbol? type) => IsMatrix(type) || IsVector(type);

    /// <summary>True for the MathNet builder types (Matrix&lt;T&gt;.Build, Vector&lt;T&gt;.Build).</summary>
    public static bool IsBuilder(ITypeSymbol? type, out bool buildsMatrix)
    {
        buildsMatrix = false;
        if (type is not INamedTypeSymbol named || !IsInLinearAlgebra(named)) return false;
        var name = named.OriginalDefinition.MetadataName;
        buildsMatrix = name == "MatrixBuilder`1";
        return buildsMatrix || name == "VectorBuilder`1";
    }

    /// <summary>True for types in MathNet.Numerics.LinearAlgebra or one of its sub-namespaces (Double, Single, ...).</summary>
    public static bool IsInLinearAlgebra(ITypeSymbol? type)
    {
        for (var ns = type?.ContainingNamespace; ns is not null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
            if (ns.Name == "LinearAlgebra" && ns.ContainingNamespace?.Name == "Numerics" && ns.ContainingNamespace.ContainingNamespace?.Name == "MathNet")
                return true;
        return false;
    }

    private static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol generic)
    {
        // Fast path for the int/double/bool/string operations that make up most of any method body.
        if (type is null || type.SpecialType != SpecialType.None || type.TypeKind != TypeKind.Class) return false;
        // Bounded walk: DenseMatrix → Matrix<double> → Matrix`1.
        for (var t = type as INamedTypeSymbol; t is not null; t = t.BaseType)
            if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, generic)) return true;
        return false;
    }
}
