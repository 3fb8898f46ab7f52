using GradCheck.Dims;

namespace GradCheck.Analyzers.Facts;

/// <summary>An unknown size of an unannotated value (x's columns): what a message calls it once a use has fixed it.</summary>
internal sealed class UnknownSize
{
    private readonly string? owner;
    private readonly Microsoft.CodeAnalysis.SyntaxNode? ownerSyntax;

    public UnknownSize(DimExpression dim, string owner, string axis, bool fixedByLiterals)
    {
        Dim = dim;
        this.owner = owner;
        Axis = axis;
        FixedByLiterals = fixedByLiterals;
    }

    /// <summary>An unknown size of the value some code computes (named by that code only if a message needs it).</summary>
    public UnknownSize(DimExpression dim, Microsoft.CodeAnalysis.SyntaxNode ownerSyntax, string axis)
    {
        Dim = dim;
        this.ownerSyntax = ownerSyntax;
        Axis = axis;
        FixedByLiterals = true;
    }

    /// <summary>The dim that names it (one symbol, ?n).</summary>
    public DimExpression Dim { get; }

    /// <summary>The value it belongs to ("x", "this.W", "H", "`Load()`").</summary>
    public string Owner => owner ?? "`" + Origin.Shorten(ownerSyntax!) + "`";

    /// <summary>"rows", "columns" or "length" ("" for a size symbol being defined by a constructor).</summary>
    public string Axis { get; }

    /// <summary>
    /// False for a [Shape] symbol of a field being defined by a constructor: a literal there does not define it (a layer
    /// annotated symbolically may be built with fixed sizes), only another size symbol does.
    /// </summary>
    public bool FixedByLiterals { get; }

    /// <summary>"x has nIn columns", "H is hidden".</summary>
    public string StatedAs(string value) => Axis.Length == 0 ? $"{Owner} is {value}" : $"{Owner} has {value} {Axis}";
}
