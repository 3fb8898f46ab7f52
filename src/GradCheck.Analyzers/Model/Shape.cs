using System.Collections.Immutable;
using GradCheck.Dims;

namespace GradCheck.Analyzers.Model;

/// <summary>
/// The shape of a MathNet value: a matrix (rows, columns) or a vector (length). A dim is a size expression of the
/// shared dim grammar (<see cref="DimExpression"/>); it may name unknowns still to be fixed by uses
/// (<see cref="Unknowns"/>), and it is null where the analysis gave up on it (never fixed, never reported).
/// </summary>
internal sealed class Shape
{
    private Shape(bool isMatrix, ImmutableArray<DimExpression?> dims)
    {
        IsMatrix = isMatrix;
        Dims = dims;
    }

    public bool IsMatrix { get; }

    public bool IsVector => !IsMatrix;

    public ImmutableArray<DimExpression?> Dims { get; }

    public DimExpression? Rows => IsMatrix ? Dims[0] : null;

    public DimExpression? Columns => IsMatrix ? Dims[1] : null;

    public DimExpression? Length => IsMatrix ? null : Dims[0];

    public static Shape Matrix(DimExpression? rows, DimExpression? columns) => new(true, ImmutableArray.Create(rows, columns));

    public static Shape Vector(DimExpression? length) => new(false, ImmutableArray.Create(length));

    /// <summary>A shape of the same kind with its dims mapped.</summary>
    public Shape With(System.Func<DimExpression?, DimExpression?> map) => IsMatrix ? Matrix(map(Rows), map(Columns)) : Vector(map(Length));

    public Shape Transposed() => IsMatrix ? Matrix(Columns, Rows) : this;

    /// <summary>Shown in messages as (N×M) or (N); a dim not known (yet) as ?.</summary>
    public override string ToString()
    {
        var text = new System.Text.StringBuilder("(");
        for (var i = 0; i < Dims.Length; i++)
        {
            if (i > 0) text.Append('×');
            text.Append(Unknowns.Display(Dims[i]));
        }

        return text.Append(')').ToString();
    }
}
