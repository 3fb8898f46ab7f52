using System.Collections.Generic;
using System;
using GradCheck.Analyzers.Model;
using GradCheck.Dims;

namespace GradCheck.Analyzers.Facts;

/// <summary>
/// The unknown sizes of one analysis and what uses fixed them to, with where. Two dims are made equal by
/// <see cref="Unify"/>: an unknown is solved for (linear with coefficient ±1: x has a+1 rows and N rows gives a = N − 1);
/// two known dims that definitely differ are a mismatch, with the provenance of the unknown that led there.
/// </summary>
internal sealed class SizeSolver
{
    private const int MaxResolveDepth = 32;

    private readonly Dictionary<string, UnknownSize> unknowns = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, (DimExpression Value, Origin Origin)> bindings = new(System.StringComparer.Ordinal);
    private readonly List<string> trail = new();
    // Made on first use: most bodies have no [Shape] symbol of their own and read no size of their object.
    private HashSet<string>? aliasable;
    private HashSet<string>? objectLevel;
    private HashSet<string>? claimed;
    private readonly Func<string, DimExpression?> boundValue;
    private int counter;

    public SizeSolver() => boundValue = symbol => bindings.TryGetValue(symbol, out var bound) ? bound.Value : null;

    /// <summary>
    /// A method's own [Shape] symbol: a size its caller provides. Where it first meets a size of the object (a
    /// constructor parameter, an int field) it names that size for the rest of the method — the method's precondition,
    /// not a bug; against another [Shape] symbol, a literal or an int parameter it stays independent.
    /// </summary>
    public void AddAliasable(string symbol) => (aliasable ??= new HashSet<string>(StringComparer.Ordinal)).Add(symbol);

    /// <summary>A size of the object, set by its constructors.</summary>
    public void AddObjectLevel(string symbol) => (objectLevel ??= new HashSet<string>(StringComparer.Ordinal)).Add(symbol);

    /// <summary>A fresh unknown size.</summary>
    public DimExpression NewUnknown(string owner, string axis, bool fixedByLiterals = true)
    {
        var unknown = UnknownSymbols.Get(++counter);
        unknowns[unknown.Symbols[0]] = new UnknownSize(unknown, owner, axis, fixedByLiterals);
        return unknown;
    }

    /// <summary>A fresh unknown size of the value some code computes.</summary>
    private DimExpression NewUnknown(Microsoft.CodeAnalysis.SyntaxNode owner, string axis)
    {
        var unknown = UnknownSymbols.Get(++counter);
        unknowns[unknown.Symbols[0]] = new UnknownSize(unknown, owner, axis);
        return unknown;
    }

    /// <summary>A fresh shape of unknown sizes for the value some code computes.</summary>
    public Shape NewShape(Microsoft.CodeAnalysis.SyntaxNode owner, bool isMatrix) =>
        isMatrix ? Shape.Matrix(NewUnknown(owner, "rows"), NewUnknown(owner, "columns")) : Shape.Vector(NewUnknown(owner, "length"));

    /// <summary>A fresh shape of unknown sizes for an unannotated value.</summary>
    public Shape NewShape(string owner, bool isMatrix) =>
        isMatrix ? Shape.Matrix(NewUnknown(owner, "rows"), NewUnknown(owner, "columns")) : Shape.Vector(NewUnknown(owner, "length"));

    /// <summary>A mark to <see cref="Undo"/> to: a trial pass over a loop body fixes nothing for good.</summary>
    public int Mark() => trail.Count;

    public void Undo(int mark)
    {
        for (var i = trail.Count - 1; i >= mark; i--)
        {
            if (aliasable?.Contains(trail[i]) == true && bindings.TryGetValue(trail[i], out var alias)) claimed?.Remove(alias.Value.Symbols[0]);
            bindings.Remove(trail[i]);
        }

        trail.RemoveRange(mark, trail.Count - mark);
    }

    /// <summary>The dim with every fixed unknown replaced by what it was fixed to.</summary>
    public DimExpression? Resolve(DimExpression? dim)
    {
        if (dim is null || bindings.Count == 0) return dim;
        for (var depth = 0; depth < MaxResolveDepth; depth++)
        {
            var symbols = dim.Symbols;
            if (symbols.Count == 0) return dim;
            DimExpression next;
            if (symbols.Count == 1)
            {
                // Most dims are one symbol, most often unbound; a bound unknown of this solver is replaced whole (no polynomial rebuilt).
                if (!bindings.TryGetValue(symbols[0], out var bound)) return dim;
                next = unknowns.TryGetValue(symbols[0], out var unknown) && ReferenceEquals(unknown.Dim, dim) ? bound.Value : dim.Substitute(boundValue);
            }
            else
            {
                next = dim.Substitute(boundValue);
            }
            if (ReferenceEquals(next, dim)) return dim;
            dim = next;
        }

        return null;
    }

    public Shape? Resolve(Shape? shape) => shape?.With(Resolve);

    /// <summary>
    /// Makes two dims equal: fixes an unknown when one can be solved for, else compares. Returns the provenance of a
    /// definite mismatch (an empty provenance-less mismatch when no unknown was involved), or null when they may agree.
    /// </summary>
    public Mismatch? Unify(DimExpression? a, DimExpression? b, Origin origin)
    {
        var left = Resolve(a);
        var right = Resolve(b);
        if (left is null || right is null || ReferenceEquals(left, right) || left.Equals(right)) return null;
        var difference = left - right;
        foreach (var symbol in difference.Symbols)
        {
            if (!Unknowns.IsUnknown(symbol) || !difference.TrySolveFor(symbol, out var value) || value is null) continue;
            if (!unknowns.TryGetValue(symbol, out var unknown)) continue;
            // A [Shape] symbol being defined by a constructor is not defined by a literal (D against 784 is fine).
            if (!unknown.FixedByLiterals && value.IsLiteral) return null;
            bindings[symbol] = (value, origin);
            trail.Add(symbol);
            return null;
        }

        if (Unknowns.Mentions(difference) || !DimExpression.DefinitelyDiffer(left, right)) return null;
        foreach (var symbol in difference.Symbols)
        {
            if (aliasable?.Contains(symbol) != true || !difference.TrySolveFor(symbol, out var value) || value is not { IsSymbol: true }) continue;
            // One object size per method symbol and one method symbol per object size: N and D stay independent.
            var target = value.Symbols[0];
            if (objectLevel?.Contains(target) != true || bindings.ContainsKey(symbol)) continue;
            if (!(claimed ??= new HashSet<string>(StringComparer.Ordinal)).Add(target)) continue;
            bindings[symbol] = (value, origin);
            trail.Add(symbol);
            return null;
        }

        return new Mismatch(left, right, ProvenanceOf(a, left, right) ?? ProvenanceOf(b, right, left));
    }

    /// <summary>The earlier use that fixed an unknown of <paramref name="original"/> to <paramref name="value"/>.</summary>
    private Provenance? ProvenanceOf(DimExpression? original, DimExpression value, DimExpression needed)
    {
        if (original is null) return null;
        foreach (var symbol in original.Symbols)
            if (bindings.TryGetValue(symbol, out var bound) && unknowns.TryGetValue(symbol, out var unknown))
                return new Provenance(unknown, Unknowns.Display(value), bound.Origin, Unknowns.Display(needed));
        return null;
    }
}
