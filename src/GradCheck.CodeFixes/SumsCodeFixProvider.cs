using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using GradCheck.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GradCheck.CodeFixes;

/// <summary>
/// Replaces RowSums with ColumnSums (or the reverse) where the analyzer found that the other one has the expected
/// shape — the bias gradient db = column sums of dZ (also as a batch mean, dZ.ColumnSums() / n) is the classic case.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SumsCodeFixProvider)), Shared]
public sealed class SumsCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(Descriptors.AnnotatedTargetShapeMismatch.Id, Descriptors.GradientShapeMismatch.Id);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => PreferredFixAll.Create((node, diagnostic, _) => Renamed(node, diagnostic));

    /// <inheritdoc />
    public override async System.Threading.Tasks.Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (Renamed(node, diagnostic) is not { } replacement) continue;
            var title = "Use " + diagnostic.Properties[DiagnosticProperties.SumsFix];
            context.RegisterCodeFix(
                CodeAction.Create(
                    title,
                    ct => Replacement.ApplyAsync(context.Document, node, replacement, ct),
                    "GC.Sums." + diagnostic.Properties[DiagnosticProperties.SumsFix]),
                diagnostic);
        }
    }

    /// <summary>The node with its RowSums/ColumnSums call renamed; null when the diagnostic carries no sums hint.</summary>
    private static SyntaxNode? Renamed(SyntaxNode node, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.SumsFix, out var replacement) || replacement is not ("RowSums" or "ColumnSums"))
            return null;
        var name = node.DescendantNodesAndSelf()
            .OfType<MemberAccessExpressionSyntax>()
            .Select(access => access.Name)
            .FirstOrDefault(n => n.Identifier.ValueText is "RowSums" or "ColumnSums");
        if (name is null) return null;
        return node.ReplaceNode(name, SyntaxFactory.IdentifierName(replacement!).WithTriviaFrom(name));
    }
}
