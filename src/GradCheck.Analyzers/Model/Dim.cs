using System;

namespace GradCheck.Analyzers.Model;

/// <summary>What a known dim is made of.</summary>
internal enum DimKind
{
    /// <summary>A literal size such as 3.</summary>
    Constant,
    /// <summary>A size symbol from a [Shape] annotation; distinct symbols are independent sizes.</summary>
    Symbol,
    /// <summary>
    /// A size known only by where it came from (an unannotated int parameter, an unannotated matrix's row count):
    /// equal to itself, but never provably different from anything else, so it can never cause a report.
    /// </summary>
    Opaque,
}

/// <summary>One dimension of a shape. An unknown dim is represented by <c>null</c>, never by a Dim.</summary>
internal sealed class Dim : IEquatable<Dim>
{
    private Dim(DimKind kind, int value, string name, object? identity)
    {
        Kind = kind;
        Value = value;
        Name = name;
        Identity = identity;
    }

    public DimKind Kind { get; }
    public int Value { get; }
    public string Name { get; }
    private object? Identity { get; }

    public static Dim Constant(int value) => new(DimKind.Constant, value, value.ToString(System.Globalization.CultureInfo.InvariantCulture), null);
    public static Dim Symbol(string name) => new(DimKind.Symbol, 0, name, null);

    /// <summary>An opaque size identified by <paramref name="identity"/> (a symbol plus a slot), shown as <paramref name="display"/>.</summary>
    public static Dim Opaque(object identity, string display) => new(DimKind.Opaque, 0, display, identity);

    /// <summary>
    /// True only when the two sizes can be told apart for sure: different literals, or different symbols (distinct
    /// symbols are independent sizes). A symbol against a literal is not reported: annotating symbolically a layer
    /// built with fixed sizes (D against 784) is common and correct.
    /// </summary>
    public static bool DefinitelyDiffer(Dim? a, Dim? b)
    {
        if (a is null || b is null || a.Kind != b.Kind) return false;
        if (a.Kind == DimKind.Constant) return a.Value != b.Value;
        if (a.Kind == DimKind.Symbol) return !string.Equals(a.Name, b.Name, StringComparison.Ordinal);
        return false;
    }

    /// <summary>True when both are known and the same size.</summary>
    public static bool DefinitelyEqual(Dim? a, Dim? b) => a is not null && a.Equals(b);

    /// <summary>The least dim both values fit: itself when they agree, unknown otherwise.</summary>
    public static Dim? Join(Dim? a, Dim? b) => a is not null && a.Equals(b) ? a : null;

    public bool Equals(Dim? other) =>
        other is not null && other.Kind == Kind && Kind switch
        {
            DimKind.Constant => other.Value == Value,
            DimKind.Symbol => string.Equals(other.Name, Name, StringComparison.Ordinal),
            _ => Equals(other.Identity, Identity),
        };

    public override bool Equals(object? obj) => Equals(obj as Dim);

    public override int GetHashCode() => Kind switch
    {
        DimKind.Constant => Value,
        DimKind.Symbol => StringComparer.Ordinal.GetHashCode(Name),
        _ => Identity?.GetHashCode() ?? 0,
    };

    public override string ToString() => Name;
}
