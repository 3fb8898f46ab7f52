using static GradCheck.Analyzers.Tests.Usage.UsageVerifier;

namespace GradCheck.Analyzers.Tests.Usage;

/// <summary>GC0008: a backward pass that visibly returns another number of gradients than there are differentiated inputs.</summary>
public sealed class GradientCountMismatchTests
{
    [Fact]
    public Task Tuple_with_fewer_gradients_than_inputs_is_reported_with_the_inputs() =>
        VerifyAsync(InClass("""
                [GradCheck]
                public Differentiable Affine([Shape("N", "D")] Matrix<double> x, [Shape("D", "H")] Matrix<double> w, [Shape("H")] Vector<double> b) =>
                    Differentiable.Of(() => x * w, dy => {|#0:(dy * w.Transpose(), x.Transpose() * dy)|});
            """),
            Diagnostic("GC0008").WithLocation(0).WithArguments("2 gradients", "Affine", "3 differentiated inputs", "x, w, b"));

    [Fact]
    public Task Single_gradient_for_two_inputs_is_reported() =>
        VerifyAsync(InClass("""
                [GradCheck]
                public Differentiable Scale([Shape("N")] Vector<double> v, [Shape("N")] Vector<double> s) =>
                    Differentiable.Of(() => v.PointwiseMultiply(s), g => {|#0:g.PointwiseMultiply(s)|});
            """),
            Diagnostic("GC0008").WithLocation(0).WithArguments("1 gradient", "Scale", "2 differentiated inputs", "v, s"));

    [Fact]
    public Task A_gradient_for_a_constant_input_is_one_too_many() =>
        VerifyAsync(InClass("""
                [GradCheck]
                public Differentiable Loss([Shape("N", "K")] Matrix<double> scores, [Shape("N", "K")] [Constant] Matrix<double> labels, double weight) =>
                    Differentiable.Of(() => weight * (scores - labels).FrobeniusNorm(), g => {|#0:((scores - labels) * g, (labels - scores) * g)|});
            """),
            Diagnostic("GC0008").WithLocation(0).WithArguments("2 gradients", "Loss", "1 differentiated input", "scores"));

    [Fact]
    public Task Return_statements_async_methods_block_lambdas_named_arguments_and_both_branches_are_checked() =>
        VerifyAsync(InClass("""
                [GradCheck]
                public async Task<Differentiable> A([Shape("N", "D")] Matrix<double> x, [Shape("D", "H")] Matrix<double> w)
                {
                    await Task.Yield();
                    if (x.RowCount > 3) return Differentiable.Of(backward: dy => {|GC0008:(dy, dy, dy)|}, forward: () => x * w);
                    return Differentiable.Of(() => x * w, dy =>
                    {
                        var dx = dy * w.Transpose();
                        if (dx.RowCount == 0) return {|GC0008:dx|};
                        return (dx, x.Transpose() * dy);
                    });
                }

                [GradCheck]
                public async ValueTask<Differentiable> B([Shape("N")] Vector<double> v, bool flip)
                {
                    await Task.Yield();
                    return flip ? Differentiable.Of(() => v, g => {|GC0008:(g, g)|}) : Differentiable.Of(() => v.Sum(), g => v * g);
                }
            """));

    [Fact]
    public Task Matching_counts_are_not_reported() =>
        VerifyAsync(InClass("""
                [GradCheck]
                public Differentiable Affine(
                    [Shape("N", "D")] Matrix<double> x, [Shape("D", "H")] Matrix<double> w, [Shape("N", "H")] [Constant] Matrix<double> mask, double scale) =>
                    Differentiable.Of(
                        () => (x * w).PointwiseMultiply(mask) * scale,
                        dy => (dy.PointwiseMultiply(mask) * w.Transpose() * scale, x.Transpose() * dy.PointwiseMultiply(mask) * scale));

                [GradCheck]
                public Differentiable Sum([Shape("N")] Vector<double> v) => Differentiable.Of(() => v.Sum(), g => v.Map(_ => g));

                [GradCheck]
                public Differentiable Scaled([Shape("N")] Vector<double> v, Scalar s) =>
                    Differentiable.Of(() => v * s.Value, g => (g * s.Value, g.DotProduct(v)));
            """));

    [Fact]
    public Task Float_matrices_and_vectors_are_differentiated_inputs_like_double_ones() =>
        VerifyAsync(InClass("""
                [GradCheck]
                public Differentiable Single([Shape("N", "D")] Matrix<float> x, [Shape("D")] Vector<float> w, float scale) =>
                    Differentiable.Of(() => (double)scale, g => {|#0:x|});
            """),
            Diagnostic("GC0008").WithLocation(0).WithArguments("1 gradient", "Single", "2 differentiated inputs", "x, w"));

    [Fact]
    public Task A_scalar_input_needs_its_gradient_too() =>
        VerifyAsync(InClass("""
                [GradCheck]
                public Differentiable Scaled([Shape("N")] Vector<double> v, Scalar s) =>
                    Differentiable.Of(() => v * s.Value, g => {|#0:g * s.Value|});
            """),
            Diagnostic("GC0008").WithLocation(0).WithArguments("1 gradient", "Scaled", "2 differentiated inputs", "v, s"));

    [Fact]
    public Task Explicit_inputs_replace_the_parameters_so_nothing_is_known() =>
        VerifyAsync(InClass("""
                [GradCheck]
                public Differentiable A([Shape("N", "D")] Matrix<double> x, [Shape("D", "H")] Matrix<double> w) =>
                    Differentiable.Of(() => x * w, dy => x.Transpose() * dy).WithInput(w);

                [GradCheck]
                public Differentiable B([Shape("N", "D")] Matrix<double> x, [Shape("D", "H")] Matrix<double> w) =>
                    Differentiable.Of(() => x * w, dy => x.Transpose() * dy).WithConstant(x).WithInput(w);

                [GradCheck]
                public Differentiable C1([Shape("N", "D")] Matrix<double> x, [Shape("D", "H")] Matrix<double> w) =>
                    Differentiable.Of(() => x * w, dy => (dy, dy, dy)).WithInput(new CheckInput());

                [GradCheck]
                public Differentiable D([Shape("N", "D")] Matrix<double> x, [Shape("D", "H")] Matrix<double> w)
                {
                    var layer = Differentiable.Of(() => x * w, dy => x.Transpose() * dy);
                    return layer;
                }
            """));

    [Fact]
    public Task Gradients_that_cannot_be_counted_are_not_reported() =>
        VerifyAsync(InClass("""
                [GradCheck]
                public Differentiable A([Shape("N", "D")] Matrix<double> x, [Shape("D", "H")] Matrix<double> w) =>
                    Differentiable.Of(() => x * w, dy => { var grads = (dy, dy, dy); return grads; });

                [GradCheck]
                public Differentiable B([Shape("N", "D")] Matrix<double> x, [Shape("D", "H")] Matrix<double> w) =>
                    Differentiable.Of(() => x * w, dy => new[] { dy });

                [GradCheck]
                public Differentiable C1([Shape("N", "D")] Matrix<double> x, [Shape("D", "H")] Matrix<double> w) =>
                    Differentiable.Of(() => x * w, Backward);

                [GradCheck]
                public Differentiable D([Shape("N", "D")] Matrix<double> x, [Shape("D", "H")] Matrix<double> w) =>
                    Differentiable.Of(() => x * w, dy => null);

                private object Backward(Matrix<double> dy) => dy;
            """));

    [Fact]
    public Task Methods_the_runner_does_not_feed_from_parameters_are_not_reported() =>
        VerifyAsync(InClass("""
                public Differentiable NotATest([Shape("N")] Vector<double> v, [Shape("N")] Vector<double> s) =>
                    Differentiable.Of(() => v, g => g);

                [GradCheck]
                public void ChecksItself([Shape("N")] Vector<double> v, [Shape("N")] Vector<double> s)
                {
                    Differentiable Local() => Differentiable.Of(() => v, g => g);
                    Func<Differentiable> lambda = () => Differentiable.Of(() => v, g => g);
                }

                [GradCheck]
                public Differentiable Nested([Shape("N")] Vector<double> v, [Shape("N")] Vector<double> s)
                {
                    Differentiable Local() => Differentiable.Of(() => v, g => g);
                    return Local();
                }

                [GradCheck]
                public Differentiable OtherMathNetType([Shape("N")] Vector<double> v, MathNet.Numerics.LinearAlgebra.Double.DenseVector s) =>
                    Differentiable.Of(() => v, g => g);

                [GradCheck]
                public Differentiable NoInputs(double a) => Differentiable.Of(() => a, g => (g, g));

                [GradCheck]
                public Differentiable OnlyConstants([Shape("N")] [Constant] Vector<double> v) => Differentiable.Of(() => v, g => g);
            """));

    [Fact]
    public async Task Unresolved_attributes_on_inputs_leave_the_count_unknown()
    {
        var result = await AnalyzeAsync(InClass("""
                [GradCheck]
                public Differentiable A([Shape("N")] Vector<double> v, [Constnt] [Shape("N")] Vector<double> s) =>
                    Differentiable.Of(() => v, g => g);
            """));
        Assert.Empty(result.AnalyzerExceptions);
        Assert.DoesNotContain(result.UsageDiagnostics, d => d.Id == "GC0008");
    }
}
