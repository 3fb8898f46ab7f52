using System.Collections.Immutable;
using GradCheck.Analyzers.Symbols;
using GradCheck.Dims;
using Microsoft.CodeAnalysis;

namespace GradCheck.Analyzers.Model;

/// <summary>A [Shape(...)] annotation (or a Shapes.Assert) as read: the dims as written and, when valid, the shape they state.</summary>
internal sealed class Annotation
{
    private Annotation(Shape? shape, string? problem)
    {
        Shape = shape;
        Problem = problem;
    }

    /// <summary>The stated shape; null when the annotation is invalid or not on a matrix or vector.</summary>
    public Shape? Shape { get; }

    /// <summary>Why the annotation is invalid, or null.</summary>
    public string? Problem { get; }

    /// <summary>The [Shape] on a parameter, field or property (its type is the annotated value's type).</summary>
    public static Annotation? OnSymbol(ISymbol symbol, KnownSymbols types) => symbol switch
    {
        IParameterSymbol p => Read(p.GetAttributes(), p.Type, types),
        IFieldSymbol f => Read(f.GetAttributes(), f.Type, types),
        IPropertySymbol q => Read(q.GetAttributes(), q.Type, types),
        _ => null,
    };

    /// <summary>The <c>[return: Shape(...)]</c> of a method.</summary>
    public static Annotation? OnReturn(IMethodSymbol method, KnownSymbols types) => Read(method.GetReturnTypeAttributes(), method.ReturnType, types);

    /// <summary>The attribute that carries the annotation, for locating a GC0005.</summary>
    public static AttributeData? ShapeAttributeOf(ImmutableArray<AttributeData> attributes, KnownSymbols types)
    {
        if (types.ShapeAttribute is null) return null;
        foreach (var attribute in attributes)
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, types.ShapeAttribute)) return attribute;
        return null;
    }

    private static Annotation? Read(ImmutableArray<AttributeData> attributes, ITypeSymbol type, KnownSymbols types) =>
        attributes.IsEmpty ? null : ShapeAttributeOf(attributes, types) is { } attribute ? FromDims(ReadRawDims(attribute), type, types) : null;

    /// <summary>Reads dims as written for a value of <paramref name="type"/>; null when the type is not a matrix or vector.</summary>
    public static Annotation? FromDims(ImmutableArray<string?> raw, ITypeSymbol? type, KnownSymbols types)
    {
        var isMatrix = types.IsMatrix(type);
        // Only MathNet values carry shapes the analyzer understands; other annotated types are left to the library.
        if (!isMatrix && !types.IsVector(type)) return null;

        var expected = isMatrix ? 2 : 1;
        if (raw.Length != expected)
            return new Annotation(null, $"{(isMatrix ? "Matrix<T>" : "Vector<T>")} takes {expected} dim{(expected == 1 ? "" : "s")}, {raw.Length} given");

        var dims = new DimExpression?[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            dims[i] = DimExpression.Parse(raw[i], out var problem);
            if (dims[i] is null) return new Annotation(null, $"dim \"{raw[i] ?? "null"}\" {problem}");
        }

        return new Annotation(isMatrix ? Shape.Matrix(dims[0], dims[1]) : Shape.Vector(dims[0]), null);
    }

    private static ImmutableArray<string?> ReadRawDims(AttributeData attribute)
    {
        // params string[] or params object[] arrives as one array argument; a malformed attribute may carry anything else.
        var builder = ImmutableArray.CreateBuilder<string?>();
        foreach (var argument in attribute.ConstructorArguments)
        {
            if (argument.Kind == TypedConstantKind.Array)
            {
                if (argument.IsNull) continue;
                foreach (var element in argument.Values) builder.Add(DimText(element.Value));
            }
            else
            {
                builder.Add(DimText(argument.Value));
            }
        }

        return builder.ToImmutable();
    }

    // [Shape("N", 3)]: an integer dim reads as its decimal text; anything else as written, for the grammar to reject.
    private static string? DimText(object? value) => value switch
    {
        string text => text,
        null => null,
        _ => System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };
}
