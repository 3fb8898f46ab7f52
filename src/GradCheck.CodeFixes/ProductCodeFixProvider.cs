using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using GradCheck.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GradCheck.CodeFixes;

/// <summary>
/// Balances a GC0001 product A·B with the rewrites the analyzer found to balance it and to give the shape its context
/// needs: transpose an operand (fused TransposeThisAndMultiply/TransposeAndMultiply first, then explicit), swap the
/// operands, or — when the context needs it — change both.
/// </summary>
[ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(ProductCodeFixProvider)), Shared]
public sealed class ProductCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.ProductShapeMismatch.Id);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => PreferredFixAll.Create(PreferredReplacement);

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.ProductRewrites, out var rewrites) || string.IsNullOrEmpty(rewrites)) continue;
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax node
                || !ProductRewriter.TryGetOperands(node, out var left, out var right, out var isMethod))
                continue;
            foreach (var rewrite in rewrites!.Split(','))
            {
                var fused = ProductRewriter.Build(rewrite, left, right, isMethod, explicitTranspose: false);
                Offer(context, diagnostic, node, fused, ProductRewriter.Title(rewrite, false), rewrite);
                if (rewrite is "A'B" or "AB'")
                {
                    var explicitTranspose = ProductRewriter.Build(rewrite, left, right, isMethod, explicitTranspose: true);
                    Offer(context, diagnostic, node, explicitTranspose, ProductRewriter.Title(rewrite, true), rewrite + ".explicit");
                }
            }
        }
    }

    /// <summary>For fixing all at once: the rewrite chosen (by its equivalence key) where offered, else the diagnostic's first (best).</summary>
    private static ExpressionSyntax? PreferredReplacement(SyntaxNode node, Diagnostic diagnostic, string? equivalenceKey)
    {
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.ProductRewrites, out var rewrites) || string.IsNullOrEmpty(rewrites)) return null;
        if (node is not ExpressionSyntax expression || !ProductRewriter.TryGetOperands(expression, out var left, out var right, out var isMethod)) return null;
        var offered = rewrites!.Split(',');
        var chosen = offered[0];
        var explicitTranspose = false;
        var prefix = Descriptors.ProductShapeMismatch.Id + ".";
        if (equivalenceKey is not null && equivalenceKey.StartsWith(prefix, System.StringComparison.Ordinal))
        {
            var key = equivalenceKey.Substring(prefix.Length);
            explicitTranspose = key.EndsWith(".explicit", System.StringComparison.Ordinal);
            if (explicitTranspose) key = key.Substring(0, key.Length - ".explicit".Length);
            if (System.Array.IndexOf(offered, key) >= 0) chosen = key;
            else explicitTranspose = false;
        }

        var replacement = ProductRewriter.Build(chosen, left, right, isMethod, explicitTranspose);
        return replacement is not null && ProductRewriter.RoundTrips(replacement) ? replacement : null;
    }

    private static void Offer(CodeFixContext context, Diagnostic diagnostic, ExpressionSyntax node, ExpressionSyntax? replacement, string title, string key)
    {
        if (replacement is null || !ProductRewriter.RoundTrips(replacement)) return;
        context.RegisterCodeFix(
            CodeAction.Create(title, ct => Replacement.ApplyAsync(context.Document, node, replacement, ct), Descriptors.ProductShapeMismatch.Id + "." + key),
            diagnostic);
    }
}
