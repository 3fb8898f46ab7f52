using System.Collections.Generic;
using GradCheck.Analyzers.Model;
using GradCheck.Dims;
using Microsoft.CodeAnalysis;

namespace GradCheck.Analyzers.Facts;

/// <summary>
/// What is known at one point of a method: the shape of each matrix or vector local (and parameter, and — in a
/// constructor — member of this object), the size each int local holds, and whether the point is reachable.
/// </summary>
internal sealed class LocalState
{
    private readonly Dictionary<ISymbol, Shape?> shapes;
    private readonly Dictionary<ISymbol, DimExpression?> sizes;

    public LocalState()
    {
        shapes = new Dictionary<ISymbol, Shape?>(SymbolEqualityComparer.Default);
        sizes = new Dictionary<ISymbol, DimExpression?>(SymbolEqualityComparer.Default);
    }

    // Sized for a join, which keeps at most what both sides hold: no rehashing while it is filled.
    private LocalState(int shapeCapacity, int sizeCapacity)
    {
        shapes = new Dictionary<ISymbol, Shape?>(shapeCapacity, SymbolEqualityComparer.Default);
        sizes = new Dictionary<ISymbol, DimExpression?>(sizeCapacity, SymbolEqualityComparer.Default);
    }

    private LocalState(LocalState other)
    {
        shapes = new Dictionary<ISymbol, Shape?>(other.shapes, SymbolEqualityComparer.Default);
        sizes = new Dictionary<ISymbol, DimExpression?>(other.sizes, SymbolEqualityComparer.Default);
        Unreachable = other.Unreachable;
    }

    /// <summary>After return, throw, break or continue: nothing flows from here.</summary>
    public bool Unreachable { get; set; }

    public IEnumerable<ISymbol> ShapeSymbols => shapes.Keys;

    public IEnumerable<ISymbol> SizeSymbols => sizes.Keys;

    public LocalState Clone() => new(this);

    public bool TryGetShape(ISymbol symbol, out Shape? shape) => shapes.TryGetValue(symbol, out shape);

    public bool TryGetSize(ISymbol symbol, out DimExpression? size) => sizes.TryGetValue(symbol, out size);

    // An unknown value is kept as an absent entry: states stay small in numeric code full of int locals.
    public void SetShape(ISymbol symbol, Shape? shape)
    {
        if (shape is null) shapes.Remove(symbol);
        else shapes[symbol] = shape;
    }

    public void SetSize(ISymbol symbol, DimExpression? size)
    {
        if (size is null) sizes.Remove(symbol);
        else sizes[symbol] = size;
    }

    /// <summary>
    /// Where two paths meet: each value keeps what both paths agree on (resolved through <paramref name="solver"/>),
    /// the rest becomes unknown. An unreachable path contributes nothing.
    /// </summary>
    public static LocalState Join(LocalState a, LocalState b, SizeSolver solver)
    {
        if (a.Unreachable) return b.Clone();
        if (b.Unreachable) return a.Clone();
        var joined = new LocalState(System.Math.Min(a.shapes.Count, b.shapes.Count), System.Math.Min(a.sizes.Count, b.sizes.Count));
        foreach (var pair in a.shapes)
            if (b.shapes.TryGetValue(pair.Key, out var other)) joined.SetShape(pair.Key, JoinShapes(pair.Value, other, solver));
        foreach (var pair in a.sizes)
            if (b.sizes.TryGetValue(pair.Key, out var other)) joined.SetSize(pair.Key, JoinSizes(pair.Value, other, solver));
        return joined;
    }

    /// <summary>The dims two values agree on; the others unknown (never fixed, never reported).</summary>
    public static Shape? JoinShapes(Shape? a, Shape? b, SizeSolver solver)
    {
        if (ReferenceEquals(a, b)) return a;
        if (a is null || b is null || a.IsMatrix != b.IsMatrix) return null;
        var ra = solver.Resolve(a)!;
        var rb = solver.Resolve(b)!;
        return a.IsMatrix
            ? Shape.Matrix(JoinSizes(ra.Rows, rb.Rows, solver), JoinSizes(ra.Columns, rb.Columns, solver))
            : Shape.Vector(JoinSizes(ra.Length, rb.Length, solver));
    }

    public static DimExpression? JoinSizes(DimExpression? a, DimExpression? b, SizeSolver solver)
    {
        var ra = solver.Resolve(a);
        var rb = solver.Resolve(b);
        return ra is not null && (ReferenceEquals(ra, rb) || ra.Equals(rb)) ? ra : null;
    }
}
