using GradCheck.Analyzers.Tests.Infrastructure;
using GradCheck.TestInfrastructure;
using static GradCheck.Analyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace GradCheck.Analyzers.Tests;

/// <summary>GC0005: annotations with the wrong number of dims or malformed dims.</summary>
public sealed class InvalidShapeAnnotationTests
{
    [Fact]
    public Task Wrong_dim_count_on_a_matrix_parameter_is_an_error_with_the_counts() =>
        VerifyAsync(TestCode.InClass("""
                void F([{|#0:Shape("N", "M", "K")|}] Matrix<double> a) { }
            """),
            Diagnostic("GC0005").WithLocation(0).WithArguments("a", "Matrix<T> takes 2 dims, 3 given"));

    [Fact]
    public Task Wrong_dim_count_on_fields_properties_and_return_values_is_reported() =>
        VerifyAsync(TestCode.InClass("""
                [{|GC0005:Shape("N", "M")|}] Vector<double> b;
                [{|GC0005:Shape("N")|}] Matrix<double> W { get; set; }
                [return: {|GC0005:Shape()|}]
                Matrix<double> F() => W;
            """));

    [Fact]
    public Task Malformed_dims_are_reported() =>
        VerifyAsync(TestCode.InClass("""
                void F([{|#0:Shape("N", "-1")|}] Matrix<double> a, [{|GC0005:Shape("2x")|}] Vector<double> v, [{|GC0005:Shape("")|}] Vector<double> e) { }
            """),
            Diagnostic("GC0005").WithLocation(0).WithArguments("a", "dim \"-1\" " + ProblemOf("-1")));

    [Fact]
    public Task Zero_and_empty_dims_are_reported_with_the_grammar_s_own_words() =>
        VerifyAsync(TestCode.InClass("""
                void F([{|#0:Shape("N", "0")|}] Matrix<double> a, [{|#1:Shape("")|}] Vector<double> e) { }
            """),
            Diagnostic("GC0005").WithLocation(0).WithArguments("a", "dim \"0\" " + ProblemOf("0")),
            Diagnostic("GC0005").WithLocation(1).WithArguments("e", "dim \"\" " + ProblemOf("")));

    private static string ProblemOf(string dim)
    {
        Assert.Null(GradCheck.Dims.DimExpression.Parse(dim, out var problem));
        return problem!;
    }

    [Fact]
    public Task Valid_annotations_and_annotations_on_other_types_are_accepted() =>
        VerifyAsync(TestCode.InClass("""
                [Shape("Batch", "3")] Matrix<double> X;
                [Shape("_n1")] Vector<double> V { get; } = null!;
                [return: Shape("N", "N")]
                Matrix<double> F([Shape("N", "1")] Matrix<double> a, [Shape("N", "M", "K")] double[,,] tensor) => a * a.Transpose();
                [Shape(" N", "N-1")] Matrix<double> Derived;
                [Shape("L-K+1", "2*C")] Matrix<double> Arithmetic;
            """));

    [Fact]
    public Task Integer_dims_are_sizes_like_their_text() =>
        VerifyAsync(TestCode.InClass("""
                Matrix<double> F([Shape("N", 2)] Matrix<double> a, [Shape(3, "M")] Matrix<double> b, [Shape(2, "M")] Matrix<double> c)
                {
                    var fine = a * c;
                    return {|GC0001:a * b|};
                }
            """));

    [Fact]
    public Task A_dim_that_is_neither_a_string_nor_an_integer_is_reported() =>
        VerifyAsync(TestCode.InClass("""
                void F([{|#0:Shape("N", 2.5)|}] Matrix<double> a) { }
            """),
            Diagnostic("GC0005").WithLocation(0).WithArguments("a", "dim \"2.5\" " + ProblemOf("2.5")));

    [Fact]
    public Task Malformed_shapes_assert_is_reported() =>
        VerifyAsync(TestCode.InClass("""
                void F(Matrix<double> a)
                {
                    var b = {|GC0005:Shapes.Assert(a, "N")|};
                }
            """));

    [Theory]
    [MemberData(nameof(DimCorpus.Dims), MemberType = typeof(DimCorpus))]
    public async Task A_dim_is_rejected_exactly_when_the_runtime_rejects_it(string dim, bool isSize)
    {
        // The runtime's side of this corpus is checked in tests/GradCheck.Xunit.Tests (DimGrammarTests).
        var source = "using GradCheck; using MathNet.Numerics.LinearAlgebra;\n" +
                     $"public static class C {{ public static void F([Shape(\"N\", \"{dim}\")] Matrix<double> a) {{ }} }}";
        var result = await DirectAnalysis.AnalyzeAsync(source);
        Assert.Empty(result.AnalyzerExceptions);
        Assert.Equal(!isSize, result.ShapeDiagnostics.Any(d => d.Id == "GC0005"));
    }
}
