using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GradCheck.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GradCheck.CodeFixes;

/// <summary>
/// Replaces RowSums with ColumnSums (or the reverse) where the analyzer found that the other one has the expected
/// shape — the bias gradient db = column sums of dZ is the classic case.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SumsCodeFixProvider)), Shared]
public sealed class SumsCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIds.AnnotatedTargetShapeMismatch, RuleIds.GradientShapeMismatch);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(RuleIds.SumsFixProperty, out var replacement) || replacement is not ("RowSums" or "ColumnSums")) continue;
            var name = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)
                .DescendantNodesAndSelf()
                .OfType<MemberAccessExpressionSyntax>()
                .Select(access => access.Name)
                .FirstOrDefault(n => n.Identifier.ValueText is "RowSums" or "ColumnSums");
            if (name is null) continue;
            context.RegisterCodeFix(
                CodeAction.Create($"Use {replacement}", ct => RenameAsync(context.Document, name, replacement!, ct), "GC.Sums." + replacement),
                diagnostic);
        }
    }

    private static async Task<Document> RenameAsync(Document document, SimpleNameSyntax name, string replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null) return document;
        var renamed = SyntaxFactory.IdentifierName(replacement).WithTriviaFrom(name);
        return document.WithSyntaxRoot(root.ReplaceNode(name, renamed));
    }
}
