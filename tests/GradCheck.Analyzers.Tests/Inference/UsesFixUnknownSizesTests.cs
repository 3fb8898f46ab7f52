using GradCheck.Analyzers.Tests.Infrastructure;
using static GradCheck.Analyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace GradCheck.Analyzers.Tests.Inference;

/// <summary>Contract point 3: unannotated parameters and locals get unknown sizes that their uses fix.</summary>
public sealed class UsesFixUnknownSizesTests
{
    [Fact]
    public Task A_contradiction_is_reported_at_the_later_use_naming_the_earlier_one() =>
        VerifyAsync(TestCode.InClass("""
                Matrix<double> F(Matrix<double> x, int nIn, int nOut, int h)
                {
                    var w = Matrix<double>.Build.Random(nIn, h);
                    var v = Matrix<double>.Build.Random(nOut, h);
                    var a = x * w;
                    return {|#0:x * v|};
                }
            """),
            Diagnostic("GC0001").WithLocation(0).WithArguments("Matrix product", "(?×nIn)", "(nOut×h)", "nIn", "nOut",
                "; x has nIn columns (from `x * w`, line 11), but here it needs nOut"));

    [Fact]
    public Task Pointwise_uses_make_shapes_equal() =>
        VerifyAsync(TestCode.InClass("""
                void F(Matrix<double> x, Matrix<double> mask, int n, int d)
                {
                    var ok = x.PointwiseMultiply(mask);
                    var y = Matrix<double>.Build.Dense(n, d);
                    var fits = mask + y;
                    var bad = {|GC0001:x * y|};
                }
            """));

    [Fact]
    public Task Correct_uses_of_unannotated_parameters_stay_silent() =>
        VerifyAsync(TestCode.InClass("""
                (Matrix<double> dx, Matrix<double> dW) Backward(Matrix<double> x, Matrix<double> W, Matrix<double> dy)
                {
                    var y = x * W;
                    var fits = y - dy;
                    var dW = x.TransposeThisAndMultiply(dy);
                    var dx = dy.TransposeAndMultiply(W);
                    return (dx, dW);
                }
            """));

    [Fact]
    public Task Gradient_names_fix_and_check_locals_and_parameters_alike() =>
        VerifyAsync(TestCode.InClass("""
                void Backward(Matrix<double> x, Matrix<double> W, Matrix<double> dy, int n, int d, int k)
                {
                    var h = Matrix<double>.Build.Dense(n, d);
                    var dh = {|GC0004:Matrix<double>.Build.Dense(d, n)|};
                    var z = h * Matrix<double>.Build.Dense(d, k);
                    var dz = Matrix<double>.Build.Dense(n, k);
                    var dW = x.TransposeThisAndMultiply(dy);
                    var fits = W - Matrix<double>.Build.Dense(d, k);
                    var dW2 = dW;
                    var bad = {|GC0002:dW - Matrix<double>.Build.Dense(k, d)|};
                }
            """));

    [Fact]
    public Task An_annotated_callee_fixes_its_arguments() =>
        VerifyAsync(TestCode.InClass("""
                [return: Shape("N", "H")]
                static Matrix<double> Affine([Shape("N", "D")] Matrix<double> x, [Shape("D", "H")] Matrix<double> w) => x * w;

                void F(Matrix<double> x, Matrix<double> w, int n, int h)
                {
                    var y = Affine(x, w);
                    var ok = y + Matrix<double>.Build.Dense(x.RowCount, w.ColumnCount);
                    var fixesColumns = x * Matrix<double>.Build.Dense(n, 3);
                    var bad = {|GC0001:Matrix<double>.Build.Dense(4, h) * w|};
                }
            """));
}
