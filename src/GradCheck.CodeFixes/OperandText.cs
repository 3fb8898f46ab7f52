using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GradCheck.CodeFixes;

/// <summary>Writes an operand so that it can be used as a method receiver or product operand unchanged in meaning.</summary>
internal static class OperandText
{
    /// <summary>The operand's text, parenthesised unless it is a primary expression (name, call, member access...).</summary>
    public static string Of(ExpressionSyntax expression)
    {
        var text = expression.WithoutTrivia().ToString();
        return expression switch
        {
            IdentifierNameSyntax or GenericNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax
                or ElementAccessExpressionSyntax or ParenthesizedExpressionSyntax or ThisExpressionSyntax => text,
            _ => "(" + text + ")",
        };
    }

    /// <summary>Parses the rewritten expression and keeps the original's surrounding trivia.</summary>
    public static ExpressionSyntax Replace(ExpressionSyntax original, string text) =>
        SyntaxFactory.ParseExpression(text).WithTriviaFrom(original);
}
