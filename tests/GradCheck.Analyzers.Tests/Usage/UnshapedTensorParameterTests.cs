using static GradCheck.Analyzers.Tests.Usage.UsageVerifier;

namespace GradCheck.Analyzers.Tests.Usage;

/// <summary>GC0006: a Matrix&lt;double&gt; or Vector&lt;double&gt; parameter of a [GradCheck] method without [Shape].</summary>
public sealed class UnshapedTensorParameterTests
{
    [Fact]
    public Task Unshaped_matrix_parameter_is_reported_with_what_it_means() =>
        VerifyAsync(InClass("""
                [GradCheck]
                public Differentiable Affine([Shape("N", "D")] Matrix<double> x, Matrix<double> {|#0:w|}) =>
                    Differentiable.Of(() => x * w, dy => (dy * w.Transpose(), x.Transpose() * dy));
            """),
            Diagnostic("GC0006").WithLocation(0).WithArguments("w", "Affine", "Matrix<double>",
                "its rows and columns are drawn as sizes of their own"));

    [Fact]
    public Task Unshaped_vector_parameter_is_reported_with_what_it_means() =>
        VerifyAsync(InClass("""
                [GradCheck(MaxTests = 10)]
                public void Bias([Shape("N", "H")] Matrix<double> x, Vector<double> {|#0:b|}) { }
            """),
            Diagnostic("GC0006").WithLocation(0).WithArguments("b", "Bias", "Vector<double>",
                "its length is drawn as a size of its own"));

    [Fact]
    public Task Every_unshaped_parameter_is_reported_constant_ones_included() =>
        VerifyAsync(InClass("""
                [GradCheck]
                public async Task<Differentiable> Loss(
                    Matrix<double> {|GC0006:scores|}, [Constant] Matrix<double> {|GC0006:labels|}, [Shape("N")] Vector<double> w, double scale)
                {
                    await Task.Yield();
                    return Differentiable.Of(() => scale * scores.PointwiseMultiply(labels).RowSums().DotProduct(w), g => (scores, w));
                }
            """));

    [Fact]
    public Task Shaped_parameters_and_parameters_the_runner_does_not_draw_as_tensors_are_not_reported() =>
        VerifyAsync(InClass("""
                [GradCheck]
                public Differentiable Layer([Shape("N", "D")] Matrix<double> x, [Shape("D", "H")] Matrix<double> w, [Shape("H")] [Constant] Vector<double> mask,
                    double scale, float factor, int count, string label, Matrix<System.Numerics.Complex> complex,
                    MathNet.Numerics.LinearAlgebra.Double.DenseMatrix dense) =>
                    Differentiable.Of(() => x * w, dy => (dy * w.Transpose(), x.Transpose() * dy));

                [GradCheck]
                public void ByReference(ref Matrix<double> a, out Vector<double> b, in Matrix<double> c) { b = null; }
            """));

    [Fact]
    public Task Float_matrices_and_vectors_are_drawn_like_double_ones() =>
        VerifyAsync(InClass("""
                [GradCheck]
                public void Single(
                    [Shape("N", "D")] Matrix<float> x, Matrix<float> {|#0:w|}, Vector<float> {|#1:b|}, [Shape("D")] Vector<float> v, float scale) { }
            """),
            Diagnostic("GC0006").WithLocation(0).WithArguments("w", "Single", "Matrix<float>", "its rows and columns are drawn as sizes of their own"),
            Diagnostic("GC0006").WithLocation(1).WithArguments("b", "Single", "Vector<float>", "its length is drawn as a size of its own"));

    [Fact]
    public Task Methods_without_GradCheck_are_not_reported() =>
        VerifyAsync(InClass("""
                public Differentiable Affine(Matrix<double> x, Matrix<double> w) =>
                    Differentiable.Of(() => x * w, dy => (dy * w.Transpose(), x.Transpose() * dy));

                [Obsolete]
                public void Helper(Vector<double> v) { }
            """));

    [Fact]
    public Task An_attribute_named_GradCheck_in_another_namespace_is_not_matched() =>
        VerifyAsync(UsageVerifier.Usings + """
            namespace Other
            {
                [AttributeUsage(AttributeTargets.Method)]
                public sealed class GradCheckAttribute : Attribute { }

                public class C
                {
                    [GradCheck]
                    public int F(Matrix<double> x) => 0;
                }
            }
            """);

    [Fact]
    public async Task Attribute_from_a_referenced_assembly_is_matched_by_metadata_name()
    {
        var result = await AnalyzeAsync(InClass("""
                [GradCheck] public void F(Matrix<double> x, [Shape("N")] Vector<double> v) { }
            """), contractAsReference: true);
        Assert.Empty(result.AnalyzerExceptions);
        var diagnostic = Assert.Single(result.UsageDiagnostics);
        Assert.Equal("GC0006", diagnostic.Id);
        Assert.Contains("'x'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unresolved_attribute_on_the_parameter_is_not_guessed_at()
    {
        // [Shap] does not resolve: it may be meant as [Shape], so nothing is said about x.
        var result = await AnalyzeAsync(InClass("""
                [GradCheck] public void F([Shap("N", "D")] Matrix<double> x, Matrix<double> y) { }
            """));
        Assert.Empty(result.AnalyzerExceptions);
        var diagnostic = Assert.Single(result.UsageDiagnostics);
        Assert.Contains("'y'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }
}
