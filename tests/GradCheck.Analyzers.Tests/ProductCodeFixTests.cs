using GradCheck.Analyzers.Tests.Infrastructure;
using GradCheck.CodeFixes;
using static GradCheck.Analyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace GradCheck.Analyzers.Tests;

/// <summary>The GC0001 fixes: transpose an operand (fused or explicit) or swap the operands.</summary>
public sealed class ProductCodeFixTests
{
    private static string Body(string expression) => TestCode.InClass($$"""
            Matrix<double> F(
                [Shape("N", "D")] Matrix<double> x, [Shape("N", "H")] Matrix<double> g, [Shape("D", "H")] Matrix<double> w, [Shape("H", "K")] Matrix<double> v)
                => {{expression}};
        """);

    [Fact]
    public Task Left_transpose_is_offered_fused_first() =>
        VerifyFixAsync<ProductCodeFixProvider>(Body("{|GC0001:x * g|}"), Body("x.TransposeThisAndMultiply(g)"), codeActionIndex: 0);

    [Fact]
    public Task Left_transpose_is_offered_explicitly_second() =>
        VerifyFixAsync<ProductCodeFixProvider>(Body("{|GC0001:x * g|}"), Body("x.Transpose() * g"), codeActionIndex: 1);

    [Fact]
    public Task Right_transpose_is_offered_for_a_missing_transpose_of_the_weights() =>
        VerifyFixAsync<ProductCodeFixProvider>(Body("{|GC0001:g * w|}"), Body("g.TransposeAndMultiply(w)"), codeActionIndex: 0);

    [Fact]
    public Task Explicit_right_transpose_is_offered_too() =>
        VerifyFixAsync<ProductCodeFixProvider>(Body("{|GC0001:g * w|}"), Body("g * w.Transpose()"), codeActionIndex: 1);

    [Fact]
    public Task Swapping_is_offered_when_only_the_other_order_balances() =>
        VerifyFixAsync<ProductCodeFixProvider>(Body("{|GC0001:v * g|}"), Body("g * v"));

    [Fact]
    public Task Multiply_calls_and_compound_operands_are_rewritten_with_parentheses() =>
        VerifyFixAsync<ProductCodeFixProvider>(Body("{|GC0001:(x * w).Multiply(g)|} * v"), Body("(x * w).TransposeThisAndMultiply(g) * v"));

    [Fact]
    public Task A_binary_left_operand_is_parenthesised() =>
        VerifyFixAsync<ProductCodeFixProvider>(Body("{|GC0001:x * w * g|}"), Body("(x * w).TransposeThisAndMultiply(g)"));
}
