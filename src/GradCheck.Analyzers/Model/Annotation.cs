using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace GradCheck.Analyzers.Model;

/// <summary>A [Shape(...)] annotation as read from a symbol: the dims as written and, when valid, the shape they state.</summary>
internal sealed class Annotation
{
    private Annotation(AttributeData attribute, ImmutableArray<string?> rawDims, Shape? shape, string? problem)
    {
        Attribute = attribute;
        RawDims = rawDims;
        Shape = shape;
        Problem = problem;
    }

    public AttributeData Attribute { get; }
    public ImmutableArray<string?> RawDims { get; }

    /// <summary>The stated shape; null when the annotation is invalid or not on a matrix or vector.</summary>
    public Shape? Shape { get; }

    /// <summary>Why the annotation is invalid, or null.</summary>
    public string? Problem { get; }

    /// <summary>The symbols (not literals) the annotation names.</summary>
    public IEnumerable<string> SymbolNames
    {
        get
        {
            if (Shape is null) yield break;
            foreach (var dim in Shape.Dims)
                if (dim is { Kind: DimKind.Symbol }) yield return dim.Name;
        }
    }

    /// <summary>Reads the annotation on a parameter, field or property (its type is the annotated value's type).</summary>
    public static Annotation? Of(ISymbol symbol, MathNetSymbols types) => symbol switch
    {
        IParameterSymbol p => Read(p.GetAttributes(), p.Type, types),
        IFieldSymbol f => Read(f.GetAttributes(), f.Type, types),
        IPropertySymbol q => Read(q.GetAttributes(), q.Type, types),
        _ => null,
    };

    /// <summary>Reads <c>[return: Shape(...)]</c> on a method.</summary>
    public static Annotation? OfReturn(IMethodSymbol method, MathNetSymbols types) =>
        Read(method.GetReturnTypeAttributes(), method.ReturnType, types);

    public static Annotation? Read(ImmutableArray<AttributeData> attributes, ITypeSymbol type, MathNetSymbols types)
    {
        if (types.ShapeAttribute is null) return null;
        foreach (var attribute in attributes)
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, types.ShapeAttribute)) continue;
            return Parse(attribute, type, types);
        }
        return null;
    }

    private static Annotation Parse(AttributeData attribute, ITypeSymbol type, MathNetSymbols types)
    {
        var raw = ReadRawDims(attribute);
        var isMatrix = types.IsMatrix(type);
        var isVector = !isMatrix && types.IsVector(type);
        // Only MathNet values carry shapes the analyzer understands; other annotated types are left to the library.
        if (!isMatrix && !isVector) return new Annotation(attribute, raw, null, null);

        var expected = isMatrix ? 2 : 1;
        if (raw.Length != expected)
        {
            var kind = isMatrix ? "Matrix<T>" : "Vector<T>";
            return new Annotation(attribute, raw, null, $"{kind} takes {expected} dim{(expected == 1 ? "" : "s")}, {raw.Length} given");
        }

        var dims = new Dim?[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            var dim = ParseDim(raw[i]);
            if (dim is null)
                return new Annotation(attribute, raw, null, $"dim \"{raw[i] ?? "null"}\" is neither a symbol (an identifier) nor a non-negative integer");
            dims[i] = dim;
        }
        var shape = isMatrix ? Shape.Matrix(dims[0], dims[1]) : Shape.Vector(dims[0]);
        return new Annotation(attribute, raw, shape, null);
    }

    private static ImmutableArray<string?> ReadRawDims(AttributeData attribute)
    {
        // params string[] arrives as one array argument; a malformed attribute may carry anything else.
        var builder = ImmutableArray.CreateBuilder<string?>();
        foreach (var argument in attribute.ConstructorArguments)
        {
            if (argument.Kind == TypedConstantKind.Array)
            {
                if (argument.IsNull) continue;
                foreach (var element in argument.Values) builder.Add(element.Value as string);
            }
            else
            {
                builder.Add(argument.Value as string);
            }
        }
        return builder.ToImmutable();
    }

    /// <summary>A dim is an identifier (a symbol) or a non-negative integer literal; anything else is malformed.</summary>
    public static Dim? ParseDim(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var t = text!;
        if (char.IsDigit(t[0]))
        {
            foreach (var c in t)
                if (!char.IsDigit(c)) return null;
            return int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? Dim.Constant(value) : null;
        }
        if (!(char.IsLetter(t[0]) || t[0] == '_')) return null;
        foreach (var c in t)
            if (!(char.IsLetterOrDigit(c) || c == '_')) return null;
        return Dim.Symbol(t);
    }
}
