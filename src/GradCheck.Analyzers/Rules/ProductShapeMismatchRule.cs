using System.Collections.Immutable;
using GradCheck.Analyzers.Facts;
using GradCheck.Analyzers.Facts.Findings;
using GradCheck.Analyzers.Model;
using GradCheck.Analyzers.Transfers;
using Microsoft.CodeAnalysis;

namespace GradCheck.Analyzers.Rules;

/// <summary>GC0001: a product whose inner dimensions differ, with the rewrites that balance it for the code fix.</summary>
internal static class ProductShapeMismatchRule
{
    public static Diagnostic Report(ProductMismatch finding)
    {
        var a = finding.Form == ProductForm.TransposeLeft ? finding.Left.Transposed() : finding.Left;
        var b = finding.Form == ProductForm.TransposeRight ? finding.Right.Transposed() : finding.Right;
        var kind = a.IsMatrix && b.IsMatrix ? "Matrix product" : a.IsMatrix ? "Matrix–vector product" : "Vector–matrix product";
        var leftText = finding.Left + (finding.Form == ProductForm.TransposeLeft ? "ᵀ" : "");
        var rightText = finding.Right + (finding.Form == ProductForm.TransposeRight ? "ᵀ" : "");
        var rewrites = finding.Form == ProductForm.Plain ? ProductRewrites.Balancing(finding.Left, finding.Right, finding.Required) : "";
        var properties = rewrites.Length == 0
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.ProductRewrites, rewrites);
        return Diagnostic.Create(Descriptors.ProductShapeMismatch, finding.Syntax.GetLocation(), properties,
            kind, leftText, rightText, Unknowns.Display(finding.LeftInner), Unknowns.Display(finding.RightInner), Provenance.Suffix(finding.Provenance));
    }
}
