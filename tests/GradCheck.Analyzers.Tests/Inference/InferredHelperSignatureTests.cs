using GradCheck.Analyzers.Tests.Infrastructure;
using static GradCheck.Analyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace GradCheck.Analyzers.Tests.Inference;

/// <summary>Contract point 4: unannotated helpers are used as if annotated, their symbols bound afresh per call.</summary>
public sealed class InferredHelperSignatureTests
{
    private const string Helpers = """
            static Matrix<double> Affine(Matrix<double> x, Matrix<double> w) => x * w;
            static Matrix<double> Ones(int rows, int cols) => Matrix<double>.Build.Dense(rows, cols, 1.0);
            static Matrix<double> Relu(Matrix<double> z) => z.Map(v => Math.Max(v, 0));
        """;

    [Fact]
    public Task Helper_results_have_the_inferred_shape_at_each_call() =>
        VerifyAsync(TestCode.InClass(Helpers + """
                void F(int n, int d, int h, int k)
                {
                    var x = Ones(n, d);
                    var w = Ones(d, h);
                    var y = Relu(Affine(x, w));
                    var z = Affine(y, Ones(h, k));
                    var ok = z + Ones(n, k);
                    var bad = {|GC0002:y + Ones(n, k)|};
                }
            """));

    [Fact]
    public Task Arguments_that_do_not_fit_an_inferred_signature_are_reported() =>
        VerifyAsync(TestCode.InClass(Helpers + """
                void F(int n, int d, int h)
                {
                    var bad = Affine(Ones(n, d), {|GC0003:Ones(h, d)|});
                }
            """));

    [Fact]
    public Task Recursive_virtual_and_interface_calls_are_unknown() =>
        VerifyAsync(TestCode.Usings + """
            public interface ILayer { Matrix<double> Forward(Matrix<double> x); }
            public class C
            {
                static Matrix<double> Loop(Matrix<double> x, int k) => k == 0 ? x : Loop(x.Transpose(), k - 1);
                static Matrix<double> Ping(Matrix<double> x) => Pong(x.Transpose());
                static Matrix<double> Pong(Matrix<double> x) => Ping(x);
                public virtual Matrix<double> Shape(Matrix<double> x) => x;
                void F(ILayer layer, int n, int d)
                {
                    var x = Matrix<double>.Build.Dense(n, d);
                    var ok = Loop(x, 3) * Ping(x) * Shape(x) * layer.Forward(x);
                }
            }
            """);
}
