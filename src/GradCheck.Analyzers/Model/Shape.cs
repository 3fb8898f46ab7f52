using System.Collections.Immutable;
using System.Linq;

namespace GradCheck.Analyzers.Model;

/// <summary>The shape of a MathNet value: a matrix (rows, columns) or a vector (length); any dim may be unknown.</summary>
internal sealed class Shape
{
    private Shape(bool isMatrix, ImmutableArray<Dim?> dims)
    {
        IsMatrix = isMatrix;
        Dims = dims;
    }

    public bool IsMatrix { get; }
    public bool IsVector => !IsMatrix;
    public ImmutableArray<Dim?> Dims { get; }

    public Dim? Rows => IsMatrix ? Dims[0] : null;
    public Dim? Columns => IsMatrix ? Dims[1] : null;
    public Dim? Length => IsMatrix ? null : Dims[0];

    /// <summary>True when no dim is known, so the shape says nothing.</summary>
    public bool IsEmpty => Dims.All(d => d is null);

    public static Shape Matrix(Dim? rows, Dim? columns) => new(true, ImmutableArray.Create(rows, columns));
    public static Shape Vector(Dim? length) => new(false, ImmutableArray.Create(length));

    public Shape Transposed() => IsMatrix ? Matrix(Columns, Rows) : this;

    /// <summary>True when the two shapes provably differ in some dim (never when a dim is unknown).</summary>
    public static bool DefinitelyDiffer(Shape? a, Shape? b)
    {
        if (a is null || b is null || a.IsMatrix != b.IsMatrix) return false;
        for (var i = 0; i < a.Dims.Length; i++)
            if (Dim.DefinitelyDiffer(a.Dims[i], b.Dims[i])) return true;
        return false;
    }

    /// <summary>True when every dim of both shapes is known and equal.</summary>
    public static bool DefinitelyEqual(Shape? a, Shape? b)
    {
        if (a is null || b is null || a.IsMatrix != b.IsMatrix) return false;
        for (var i = 0; i < a.Dims.Length; i++)
            if (!Dim.DefinitelyEqual(a.Dims[i], b.Dims[i])) return false;
        return true;
    }

    /// <summary>The most precise shape that holds for both values: agreeing dims kept, the rest unknown.</summary>
    public static Shape? Join(Shape? a, Shape? b)
    {
        if (a is null || b is null || a.IsMatrix != b.IsMatrix) return null;
        var joined = a.IsMatrix ? Matrix(Dim.Join(a.Rows, b.Rows), Dim.Join(a.Columns, b.Columns)) : Vector(Dim.Join(a.Length, b.Length));
        return joined.IsEmpty ? null : joined;
    }

    /// <summary>Structural equality, unknown dims included (used to detect that inference has settled).</summary>
    public bool SameAs(Shape? other)
    {
        if (other is null || other.IsMatrix != IsMatrix) return false;
        for (var i = 0; i < Dims.Length; i++)
        {
            var (x, y) = (Dims[i], other.Dims[i]);
            if (x is null ? y is not null : !x.Equals(y)) return false;
        }
        return true;
    }

    /// <summary>Shown in messages as (N×M) or (N); unknown dims as ?.</summary>
    public override string ToString() => "(" + string.Join("×", Dims.Select(d => d?.ToString() ?? "?")) + ")";
}
