using GradCheck.Analyzers.Tests.Infrastructure;
using GradCheck.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GradCheck.Analyzers.Tests;

/// <summary>
/// The product fixes never change what the program computes beyond the fix: each result is checked by a text round
/// trip (the fixed text parsed again must give the intended tree), and only rewrites with the shape the context
/// needs are offered.
/// </summary>
public sealed class ProductRewriteTests
{
    private static string Method(string body) => TestCode.InClass($$"""
            Matrix<double> F([Shape("N", "D")] Matrix<double> x, [Shape("D", "H")] Matrix<double> w, [Shape("H")] Vector<double> bias,
                [Shape("N", "H")] Matrix<double> g, [Shape("N", "C")] Matrix<double> dLogits, [Shape("H", "C")] Matrix<double> v,
                [Shape("N", "H")] Matrix<double> hin)
            {
        {{body}}
            }
        """);

    [Fact]
    public async Task A_swapped_Multiply_call_stays_a_call_so_a_following_member_applies_to_the_product()
    {
        // (D×H)·(N×D) balances only as x·w; the fix must keep .Add(…) applying to the product, not to w.
        var source = Method("        return w.Multiply(x).Add(g);");
        var offers = await CodeFixRunner.OffersAsync(source, new ProductCodeFixProvider(), "GC0001");
        var swap = Assert.Single(offers, o => o.Title.StartsWith("Swap", StringComparison.Ordinal));
        AssertReturns(swap.FixedText, "x.Multiply(w).Add(g)");
    }

    [Fact]
    public async Task An_operator_product_followed_by_a_member_is_parenthesised()
    {
        // (x * g) is unbalanced, and the explicit transpose rewrite is a binary expression under .Transpose(); the
        // parentheses written in the source stay, the ones the fix adds go where they are not needed.
        var source = Method("        return (x * g).Transpose().Add(w.Transpose()).Transpose();");
        var offers = await CodeFixRunner.OffersAsync(source, new ProductCodeFixProvider(), "GC0001");
        Assert.NotEmpty(offers);
        foreach (var offer in offers) AssertParsesAsWritten(offer.FixedText);
        var explicitTranspose = SyntaxFactory.ParseExpression("(x.Transpose() * g).Transpose().Add(w.Transpose()).Transpose()");
        var fused = SyntaxFactory.ParseExpression("(x.TransposeThisAndMultiply(g)).Transpose().Add(w.Transpose()).Transpose()");
        Assert.Contains(offers, o => ReturnedExpression(o.FixedText).IsEquivalentTo(explicitTranspose));
        Assert.Contains(offers, o => ReturnedExpression(o.FixedText).IsEquivalentTo(fused));
    }

    [Fact]
    public async Task Parentheses_the_fix_adds_are_removed_where_not_needed()
    {
        var source = Method("        var p = x * g;\n        return p;");
        var offers = await CodeFixRunner.OffersAsync(source, new ProductCodeFixProvider(), "GC0001");
        Assert.Equal("var p = x.Transpose() * g;", Line(offers[1].FixedText, "var p"));
    }

    [Fact]
    public async Task Only_rewrites_with_the_shape_the_gradient_needs_are_offered_both_operands_changed_if_need_be()
    {
        // dLogits (N×C), v (H×C): dhin must be N×H like hin — only dLogits·vᵀ gives it; the swap vᵀ… gives H×N.
        var source = Method("        var dhin = dLogits.Transpose() * v;\n        return dhin;");
        var offers = await CodeFixRunner.OffersAsync(source, new ProductCodeFixProvider(), "GC0001");
        var only = Assert.Single(offers);
        Assert.Equal("var dhin = dLogits * v.Transpose();", Line(only.FixedText, "var dhin"));
    }

    [Fact]
    public async Task Without_a_required_shape_one_change_is_offered_fused_first()
    {
        var source = Method("        return x * g;");
        var offers = await CodeFixRunner.OffersAsync(source, new ProductCodeFixProvider(), "GC0001");
        Assert.Equal(["Use TransposeThisAndMultiply (Aᵀ·B)", "Transpose the left operand"], offers.Select(o => o.Title));
        AssertReturns(offers[0].FixedText, "x.TransposeThisAndMultiply(g)");
        AssertReturns(offers[1].FixedText, "x.Transpose() * g");
    }

    [Fact]
    public async Task Fix_all_applies_each_product_s_own_best_rewrite_in_one_pass_nested_ones_included()
    {
        var source = Method("        var a = x * g;\n        var b = v * g.Transpose();\n        return (x * g).Transpose() * (x * g);");
        var fixedText = await CodeFixRunner.FixAllAsync(source, new ProductCodeFixProvider(), "GC0001");
        Assert.Equal("var a = x.TransposeThisAndMultiply(g);", Line(fixedText, "var a"));
        Assert.Equal("var b = v.TransposeThisAndMultiply(g.Transpose());", Line(fixedText, "var b"));
        AssertParsesAsWritten(fixedText);
        var after = await DirectAnalysis.AnalyzeAsync(fixedText);
        Assert.DoesNotContain(after.ShapeDiagnostics, d => d.Id == "GC0001");
    }

    [Fact]
    public async Task Aligned_trailing_comments_stay_aligned()
    {
        var source = Method(
            "        var a = x * g;                             // the weight gradient\n"
            + "        var c = hin;                               // kept\n"
            + "        return a;");
        var offers = await CodeFixRunner.OffersAsync(source, new ProductCodeFixProvider(), "GC0001");
        var text = offers[0].FixedText;
        Assert.Equal(Line(text, "var c").IndexOf("//", StringComparison.Ordinal), Line(text, "var a").IndexOf("//", StringComparison.Ordinal));
    }

    private static void AssertReturns(string text, string expected)
    {
        AssertParsesAsWritten(text);
        Assert.True(ReturnedExpression(text).IsEquivalentTo(SyntaxFactory.ParseExpression(expected)), $"returns {ReturnedExpression(text)}, not {expected}");
    }

    /// <summary>The round trip: the fixed text, parsed again, is the tree it claims to be (same text back, no error).</summary>
    private static void AssertParsesAsWritten(string text)
    {
        var tree = CSharpSyntaxTree.ParseText(text, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Empty(tree.GetDiagnostics(TestContext.Current.CancellationToken));
        Assert.Equal(text, tree.GetRoot(TestContext.Current.CancellationToken).ToFullString());
    }

    private static ExpressionSyntax ReturnedExpression(string text) =>
        CSharpSyntaxTree.ParseText(text, cancellationToken: TestContext.Current.CancellationToken).GetRoot(TestContext.Current.CancellationToken)
            .DescendantNodes().OfType<ReturnStatementSyntax>().Last().Expression!;

    private static string Line(string text, string start) =>
        text.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith(start, StringComparison.Ordinal));
}
