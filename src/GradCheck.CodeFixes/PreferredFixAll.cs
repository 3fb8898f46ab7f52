using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace GradCheck.CodeFixes;

/// <summary>
/// Fix-all for a provider whose diagnostics carry their own best fix: applies the chosen fix where a diagnostic offers
/// it and each other diagnostic's preferred fix, whatever its kind, in one pass per document (nested products compose),
/// so <c>dotnet format analyzers</c> fixes everything at once.
/// </summary>
internal static class PreferredFixAll
{
    public static FixAllProvider Create(Func<SyntaxNode, Diagnostic, string?, SyntaxNode?> preferred) =>
        FixAllProvider.Create(async (context, document, diagnostics) =>
        {
            if (document is null || diagnostics.IsDefaultOrEmpty) return document;
            var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null) return document;
            var replacements = new Dictionary<SyntaxNode, Func<SyntaxNode, SyntaxNode?>>();
            foreach (var diagnostic in diagnostics)
            {
                var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                var key = context.CodeActionEquivalenceKey;
                if (replacements.ContainsKey(node) || preferred(node, diagnostic, key) is null) continue;
                replacements[node] = rewritten => preferred(rewritten, diagnostic, key);
            }

            return await Replacement.ApplyAllAsync(document, replacements, context.CancellationToken).ConfigureAwait(false);
        }, ImmutableArray.Create(FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution));
}
