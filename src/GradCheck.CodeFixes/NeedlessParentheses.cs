using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GradCheck.CodeFixes;

/// <summary>
/// Removes the parentheses a fix added where they are not needed, by a text round trip: without them, the enclosing
/// statement (or expression body, or initializer) written out and parsed again must give the same tree. Purely
/// syntactic, so it cannot change what the code computes.
/// </summary>
internal static class NeedlessParentheses
{
    /// <summary>Marks parentheses a fix added and that may go if the code parses the same without them.</summary>
    public static SyntaxAnnotation Candidate { get; } = new("GradCheck.NeedlessParentheses");

    public static SyntaxNode Remove(SyntaxNode root)
    {
        while (root.GetAnnotatedNodes(Candidate).OfType<ParenthesizedExpressionSyntax>().FirstOrDefault() is { } parenthesized)
        {
            var unwrapped = parenthesized.Expression.WithTriviaFrom(parenthesized);
            root = root.ReplaceNode(parenthesized, ParsesTheSameWithout(parenthesized) ? unwrapped : parenthesized.WithoutAnnotations(Candidate));
        }

        return root;
    }

    private static bool ParsesTheSameWithout(ParenthesizedExpressionSyntax parenthesized)
    {
        var unwrapped = parenthesized.Expression.WithTriviaFrom(parenthesized);
        foreach (var scope in parenthesized.Ancestors())
        {
            switch (scope)
            {
                case StatementSyntax statement:
                    var statementWithout = statement.ReplaceNode(parenthesized, unwrapped);
                    var reparsed = SyntaxFactory.ParseStatement(statementWithout.ToFullString());
                    return !reparsed.ContainsDiagnostics && reparsed.IsEquivalentTo(statementWithout, topLevel: false);
                case ArrowExpressionClauseSyntax or EqualsValueClauseSyntax or ArgumentSyntax:
                    var expression = scope switch
                    {
                        ArrowExpressionClauseSyntax arrow => arrow.Expression,
                        EqualsValueClauseSyntax equals => equals.Value,
                        _ => ((ArgumentSyntax)scope).Expression,
                    };
                    if (scope is ArgumentSyntax && parenthesized.Ancestors().Any(a => a is StatementSyntax)) continue;
                    var expressionWithout = expression.ReplaceNode(parenthesized, unwrapped);
                    var reparsedExpression = SyntaxFactory.ParseExpression(expressionWithout.ToFullString());
                    return !reparsedExpression.ContainsDiagnostics && reparsedExpression.IsEquivalentTo(expressionWithout, topLevel: false);
            }
        }

        return false;
    }
}
