using GradCheck.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GradCheck.CodeFixes;

/// <summary>
/// Builds a rewritten product as syntax: every operand and the whole replacement parenthesised (the parentheses a text
/// round trip shows unneeded are removed after), so the rewrite computes exactly the product it names wherever it stands.
/// </summary>
internal static class ProductRewriter
{
    /// <summary>The operands of A * B or A.Multiply(B); false for anything else.</summary>
    public static bool TryGetOperands(ExpressionSyntax node, out ExpressionSyntax left, out ExpressionSyntax right, out bool isMethod)
    {
        switch (node)
        {
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.MultiplyExpression } binary:
                (left, right, isMethod) = (binary.Left, binary.Right, false);
                return true;
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Multiply" } access } invocation
                when invocation.ArgumentList.Arguments.Count == 1:
                (left, right, isMethod) = (access.Expression, invocation.ArgumentList.Arguments[0].Expression, true);
                return true;
            default:
                (left, right, isMethod) = (null!, null!, false);
                return false;
        }
    }

    /// <summary>
    /// The replacement for a rewrite such as "A'B" (see <see cref="ProductRewrites"/>). A single added transpose is fused
    /// (TransposeThisAndMultiply, TransposeAndMultiply) unless <paramref name="explicitTranspose"/>.
    /// </summary>
    public static ExpressionSyntax? Build(string rewrite, ExpressionSyntax left, ExpressionSyntax right, bool isMethod, bool explicitTranspose)
    {
        if (rewrite.Length < 2) return null;
        var firstIsLeft = rewrite[0] == ProductRewrites.First;
        var firstToggled = rewrite.Length > 1 && rewrite[1] == ProductRewrites.Toggled;
        var secondStart = firstToggled ? 2 : 1;
        if (secondStart >= rewrite.Length) return null;
        var secondToggled = rewrite.Length > secondStart + 1 && rewrite[secondStart + 1] == ProductRewrites.Toggled;
        var (first, second) = firstIsLeft ? (left, right) : (right, left);

        ExpressionSyntax product;
        if (!explicitTranspose && firstToggled != secondToggled && !IsTransposed(firstToggled ? first : second))
        {
            var fused = firstToggled ? "TransposeThisAndMultiply" : "TransposeAndMultiply";
            product = Call(first, fused, second);
        }
        else
        {
            var a = firstToggled ? Toggle(first) : Operand(first);
            var b = secondToggled ? Toggle(second) : Operand(second);
            product = isMethod
                ? Call(a, "Multiply", b)
                : SyntaxFactory.BinaryExpression(SyntaxKind.MultiplyExpression, a, b);
        }

        return SyntaxFactory.ParenthesizedExpression(product).WithAdditionalAnnotations(NeedlessParentheses.Candidate);
    }

    /// <summary>The title of a rewrite's code action.</summary>
    public static string Title(string rewrite, bool explicitTranspose) => rewrite switch
    {
        "A'B" => explicitTranspose ? "Transpose the left operand" : "Use TransposeThisAndMultiply (Aᵀ·B)",
        "AB'" => explicitTranspose ? "Transpose the right operand" : "Use TransposeAndMultiply (A·Bᵀ)",
        "BA" => "Swap the operands (B·A)",
        _ => "Rewrite the product as " + rewrite.Replace("'", "ᵀ"),
    };

    /// <summary>True when writing the expression again and parsing it gives the same tree (the fix is what it says).</summary>
    public static bool RoundTrips(ExpressionSyntax expression)
    {
        var text = expression.NormalizeWhitespace().ToFullString();
        return SyntaxFactory.ParseExpression(text).IsEquivalentTo(expression.NormalizeWhitespace(), topLevel: false);
    }

    private static bool IsTransposed(ExpressionSyntax operand) =>
        Strip(operand) is InvocationExpressionSyntax
        {
            Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Transpose" }, ArgumentList.Arguments.Count: 0,
        };

    /// <summary>The operand with its transpose toggled: x → x.Transpose(), x.Transpose() → x.</summary>
    private static ExpressionSyntax Toggle(ExpressionSyntax operand)
    {
        if (Strip(operand) is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access, ArgumentList.Arguments.Count: 0 }
            && access.Name.Identifier.ValueText == "Transpose")
            return Operand(access.Expression);
        return SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Operand(operand), SyntaxFactory.IdentifierName("Transpose")));
    }

    private static ExpressionSyntax Call(ExpressionSyntax receiver, string method, ExpressionSyntax argument) =>
        SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Operand(receiver), SyntaxFactory.IdentifierName(method)),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(Strip(argument).WithoutTrivia()))));

    /// <summary>An operand in parentheses that may be removed after.</summary>
    private static ExpressionSyntax Operand(ExpressionSyntax operand) =>
        SyntaxFactory.ParenthesizedExpression(Strip(operand).WithoutTrivia()).WithAdditionalAnnotations(NeedlessParentheses.Candidate);

    private static ExpressionSyntax Strip(ExpressionSyntax operand)
    {
        while (operand is ParenthesizedExpressionSyntax parenthesized) operand = parenthesized.Expression;
        return operand;
    }
}
