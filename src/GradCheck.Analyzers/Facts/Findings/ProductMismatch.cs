using GradCheck.Analyzers.Model;
using GradCheck.Analyzers.Transfers;
using GradCheck.Dims;
using Microsoft.CodeAnalysis;

namespace GradCheck.Analyzers.Facts.Findings;

/// <summary>A product whose inner dimensions differ (GC0001).</summary>
internal sealed class ProductMismatch : Finding
{
    public ProductMismatch(SyntaxNode syntax, Shape left, Shape right, ProductForm form, DimExpression inner1, DimExpression inner2, Provenance? provenance)
        : base(syntax, provenance)
    {
        Left = left;
        Right = right;
        Form = form;
        LeftInner = inner1;
        RightInner = inner2;
    }

    public Shape Left { get; }

    public Shape Right { get; }

    public ProductForm Form { get; }

    public DimExpression LeftInner { get; }

    public DimExpression RightInner { get; }

    /// <summary>The shape the product's context needs (a declared target, a [Shape] return, a gradient's variable), when known.</summary>
    public Shape? Required { get; set; }
}
