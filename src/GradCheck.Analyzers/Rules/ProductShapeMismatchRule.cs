using System.Collections.Generic;
using System.Collections.Immutable;
using GradCheck.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace GradCheck.Analyzers.Rules;

/// <summary>How the operands of a product are read (MathNet's fused transpose-multiply methods).</summary>
internal enum ProductForm
{
    /// <summary>A·B (operator *, Multiply).</summary>
    Plain,
    /// <summary>Aᵀ·B (TransposeThisAndMultiply).</summary>
    TransposeLeft,
    /// <summary>A·Bᵀ (TransposeAndMultiply).</summary>
    TransposeRight,
}

/// <summary>GC0001: a matrix or matrix–vector product whose inner dimensions differ.</summary>
internal static class ProductShapeMismatchRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        RuleIds.ProductShapeMismatch,
        title: "Product inner dimensions differ",
        messageFormat: "{0} {1}·{2}: inner dimensions {3} and {4} differ",
        category: RuleIds.Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "In A·B the column count of A must equal the row count of B. In backprop this is the usual symptom of a missing or extra transpose (dW = xᵀ·dY, dX = dY·Wᵀ).",
        helpLinkUri: RuleIds.HelpLink(RuleIds.ProductShapeMismatch));

    /// <summary>Checks the product and returns its shape (as far as known).</summary>
    public static Shape? Check(DiagnosticSink? sink, IOperation operation, Shape? left, Shape? right, ProductForm form)
    {
        if (left is null || right is null) return null;
        var a = form == ProductForm.TransposeLeft ? left.Transposed() : left;
        var b = form == ProductForm.TransposeRight ? right.Transposed() : right;

        // A vector on the right is a column, on the left a row; the result of a matrix–vector product is a vector.
        Dim? innerLeft = a.IsMatrix ? a.Columns : a.Length;
        Dim? innerRight = b.IsMatrix ? b.Rows : b.Length;
        if (a.IsVector && b.IsVector) return null; // a dot product; checked as element-wise

        if (sink is not null && Dim.DefinitelyDiffer(innerLeft, innerRight))
        {
            var kind = a.IsMatrix && b.IsMatrix ? "Matrix product" : a.IsMatrix ? "Matrix–vector product" : "Vector–matrix product";
            var leftText = left + (form == ProductForm.TransposeLeft ? "ᵀ" : "");
            var rightText = right + (form == ProductForm.TransposeRight ? "ᵀ" : "");
            var properties = form == ProductForm.Plain ? FixProperties(a, b) : ImmutableDictionary<string, string?>.Empty;
            sink.Report(Diagnostic.Create(Descriptor, operation.Syntax.GetLocation(), properties, kind, leftText, rightText, innerLeft, innerRight));
        }

        if (a.IsMatrix && b.IsMatrix) return Shape.Matrix(a.Rows, b.Columns);
        return a.IsMatrix ? Shape.Vector(a.Rows) : Shape.Vector(b.Columns);
    }

    /// <summary>Which rewrites would balance A·B; the code fix offers exactly these.</summary>
    private static ImmutableDictionary<string, string?> FixProperties(Shape a, Shape b)
    {
        var fixes = new List<string>();
        if (a.IsMatrix && b.IsMatrix)
        {
            if (Dim.DefinitelyEqual(a.Rows, b.Rows)) fixes.Add(ProductFix.TransposeLeft);
            if (Dim.DefinitelyEqual(a.Columns, b.Columns)) fixes.Add(ProductFix.TransposeRight);
            if (Dim.DefinitelyEqual(b.Columns, a.Rows)) fixes.Add(ProductFix.Swap);
        }
        else if (a.IsMatrix && Dim.DefinitelyEqual(a.Rows, b.Length))
        {
            fixes.Add(ProductFix.TransposeLeft);
        }
        return fixes.Count == 0
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(RuleIds.ProductFixesProperty, string.Join(",", fixes));
    }
}
