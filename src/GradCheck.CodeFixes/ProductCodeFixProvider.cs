using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using GradCheck.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GradCheck.CodeFixes;

/// <summary>
/// Balances a GC0001 product A·B by transposing an operand (offered both fused, A.TransposeThisAndMultiply(B), and
/// explicit, A.Transpose() * B) or by swapping the operands — only the rewrites the analyzer found to balance.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ProductCodeFixProvider)), Shared]
public sealed class ProductCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ProductShapeMismatch);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(RuleIds.ProductFixesProperty, out var fixes) || fixes is null) continue;
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) as ExpressionSyntax;
            if (node is null || !TryGetOperands(node, out var left, out var right)) continue;
            var a = OperandText.Of(left);
            var b = OperandText.Of(right);
            foreach (var fix in fixes.Split(','))
            {
                switch (fix)
                {
                    case ProductFix.TransposeLeft:
                        Offer(context, diagnostic, node, $"{a}.TransposeThisAndMultiply({b})", "Use TransposeThisAndMultiply (Aᵀ·B)", "TransposeThisAndMultiply");
                        Offer(context, diagnostic, node, $"{a}.Transpose() * {b}", "Transpose the left operand", "TransposeLeft");
                        break;
                    case ProductFix.TransposeRight:
                        Offer(context, diagnostic, node, $"{a}.TransposeAndMultiply({b})", "Use TransposeAndMultiply (A·Bᵀ)", "TransposeAndMultiply");
                        Offer(context, diagnostic, node, $"{a} * {b}.Transpose()", "Transpose the right operand", "TransposeRight");
                        break;
                    case ProductFix.Swap:
                        Offer(context, diagnostic, node, $"{b} * {a}", "Swap the operands (B·A)", "Swap");
                        break;
                }
            }
        }
    }

    /// <summary>A * B or A.Multiply(B).</summary>
    private static bool TryGetOperands(ExpressionSyntax node, out ExpressionSyntax left, out ExpressionSyntax right)
    {
        switch (node)
        {
            case BinaryExpressionSyntax binary:
                (left, right) = (binary.Left, binary.Right);
                return true;
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Multiply" } access } invocation
                when invocation.ArgumentList.Arguments.Count == 1:
                (left, right) = (access.Expression, invocation.ArgumentList.Arguments[0].Expression);
                return true;
            default:
                (left, right) = (null!, null!);
                return false;
        }
    }

    private static void Offer(CodeFixContext context, Diagnostic diagnostic, ExpressionSyntax node, string replacement, string title, string key) =>
        context.RegisterCodeFix(
            CodeAction.Create(title, ct => ReplaceAsync(context.Document, node, replacement, ct), RuleIds.ProductShapeMismatch + "." + key),
            diagnostic);

    private static async Task<Document> ReplaceAsync(Document document, ExpressionSyntax node, string replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is null ? document : document.WithSyntaxRoot(root.ReplaceNode(node, OperandText.Replace(node, replacement)));
    }
}
