using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace GradCheck.CodeFixes;

/// <summary>
/// Applies replacements to a document: keeps each replaced node's surrounding trivia, removes the parentheses a text
/// round trip shows unneeded, and keeps aligned trailing comments aligned (a line that grew or shrank gives or takes the
/// spaces before its // comment, keeping at least one).
/// </summary>
internal static class Replacement
{
    public static Task<Document> ApplyAsync(Document document, SyntaxNode node, SyntaxNode replacement, CancellationToken cancellationToken) =>
        ApplyAllAsync(document, new Dictionary<SyntaxNode, Func<SyntaxNode, SyntaxNode?>> { [node] = _ => replacement }, cancellationToken);

    /// <summary>Replaces every node with what its function builds from the node as rewritten so far (nested replacements compose).</summary>
    public static async Task<Document> ApplyAllAsync(
        Document document, IReadOnlyDictionary<SyntaxNode, Func<SyntaxNode, SyntaxNode?>> replacements, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || replacements.Count == 0) return document;
        var originalText = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var newRoot = root.ReplaceNodes(replacements.Keys, (original, rewritten) =>
            replacements[original](rewritten)?.WithTriviaFrom(rewritten) ?? rewritten);
        var simplified = document.WithSyntaxRoot(NeedlessParentheses.Remove(newRoot));
        var newText = await simplified.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return simplified.WithText(KeepCommentsAligned(originalText, newText));
    }

    /// <summary>Where a line's trailing // comment moved, moves it back to its column when the spaces before it allow.</summary>
    private static SourceText KeepCommentsAligned(SourceText before, SourceText after)
    {
        var columns = new Dictionary<string, Queue<int>>(StringComparer.Ordinal);
        foreach (var line in before.Lines)
        {
            var text = line.ToString();
            var comment = TrailingComment(text);
            if (comment < 0) continue;
            var key = text.Substring(comment);
            if (!columns.TryGetValue(key, out var queue)) columns[key] = queue = new Queue<int>();
            queue.Enqueue(comment);
        }

        var changes = new List<TextChange>();
        foreach (var line in after.Lines)
        {
            var text = line.ToString();
            var comment = TrailingComment(text);
            if (comment < 0 || !columns.TryGetValue(text.Substring(comment), out var queue) || queue.Count == 0) continue;
            var wanted = queue.Dequeue();
            if (wanted == comment) continue;
            var codeEnd = text.Substring(0, comment).TrimEnd().Length;
            var spaces = Math.Max(1, wanted - codeEnd);
            changes.Add(new TextChange(TextSpan.FromBounds(line.Start + codeEnd, line.Start + comment), new string(' ', spaces)));
        }

        return changes.Count == 0 ? after : after.WithChanges(changes);
    }

    /// <summary>The column of a // comment that follows code on the line (preceded by spaces), or -1.</summary>
    private static int TrailingComment(string line)
    {
        var tokens = SyntaxFactory.ParseTokens(line).ToList();
        foreach (var token in tokens)
        {
            foreach (var trivia in token.LeadingTrivia.Concat(token.TrailingTrivia))
            {
                if (!trivia.IsKind(SyntaxKind.SingleLineCommentTrivia)) continue;
                var start = trivia.SpanStart;
                return start > 0 && line.Substring(0, start).Trim().Length > 0 && line[start - 1] == ' ' ? start : -1;
            }
        }

        return -1;
    }
}
