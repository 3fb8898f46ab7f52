using GradCheck.Analyzers.Tests.Infrastructure;
using static GradCheck.Analyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace GradCheck.Analyzers.Tests;

/// <summary>The tricky cases: what inference must follow, and where it must stay silent.</summary>
public sealed class InferenceNegativeTests
{
    [Fact]
    public Task Aliased_sizes_and_locals_carry_their_shapes() =>
        VerifyAsync(TestCode.InClass("""
                void F([Shape("N", "D")] Matrix<double> x)
                {
                    int n = x.RowCount, d = x.ColumnCount;
                    var alias = x;
                    var y = Matrix<double>.Build.Dense(n, d, (i, j) => i + j);
                    var z = Matrix<double>.Build.Dense(d, n);
                    var ok = alias + y + z.Transpose();
                    var bad = {|GC0002:alias + z|};
                }
            """));

    [Fact]
    public Task Conditionals_keep_what_both_branches_agree_on() =>
        VerifyAsync(TestCode.InClass("""
                void F([Shape("N", "D")] Matrix<double> x, [Shape("D", "N")] Matrix<double> t, bool flag)
                {
                    var same = flag ? x : t.Transpose();
                    var mixed = flag ? x : t;
                    Matrix<double> viaIf;
                    if (flag) viaIf = x; else viaIf = t;
                    var ok1 = mixed + x + viaIf;             // unknown after disagreeing branches: silent
                    var ok2 = mixed + t + viaIf;
                    var bad = {|GC0002:same + t|};
                }
            """));

    [Fact]
    public Task Loops_reassigning_a_local_to_other_shapes_make_it_unknown() =>
        VerifyAsync(TestCode.InClass("""
                void F([Shape("N", "D")] Matrix<double> x, [Shape("D", "D")] Matrix<double> w, [Shape("D", "H")] Matrix<double> v)
                {
                    var h = x;
                    for (var i = 0; i < 3; i++) h = h * w;   // stays N×D
                    var g = x;
                    foreach (var _ in new int[2]) g = g * v; // N×D then N×H: columns unknown
                    var ok = g * x.Transpose() * x + h * w + g * w * v * v.Transpose();
                    var bad = {|GC0001:h * v * w|};
                }
            """));

    [Fact]
    public Task Generic_code_and_lambdas_are_analysed_like_any_other() =>
        VerifyAsync(TestCode.InClass("""
                static Matrix<T> G<T>([Shape("N", "M")] Matrix<T> a, [Shape("N", "M")] Matrix<T> b) where T : struct, IEquatable<T>, IFormattable
                    => {|GC0002:a + b + a.Transpose()|};
                void F([Shape("N", "D")] Matrix<double> x)
                {
                    Func<Matrix<double>, Matrix<double>> f = m => m * m.Transpose();
                    var ok = f(x) + x;   // unknown result of a lambda: silent
                }
            """));

    [Fact]
    public Task Tuple_deconstruction_follows_literal_tuples_only() =>
        VerifyAsync(TestCode.InClass("""
                (Matrix<double>, Matrix<double>) Pair(Matrix<double> a) => (a, a);
                void F([Shape("N", "D")] Matrix<double> x, [Shape("D", "N")] Matrix<double> t)
                {
                    var (a, b) = (x, t);
                    var (c, d) = Pair(x);
                    var ok = a + b.Transpose() + c + d;
                    var bad = {|GC0002:a + b|};
                }
            """));

    [Fact]
    public Task Members_of_other_objects_do_not_share_our_symbols() =>
        VerifyAsync(TestCode.Usings + """
            public class Layer
            {
                [Shape("In", "Out")] public Matrix<double> W = null!;
            }
            public class Net
            {
                [Shape("N", "In")] public Matrix<double> X = null!;
                public Matrix<double> F(Layer first, Layer second) => second.W * first.W * X.Transpose();
            }
            """);

    [Fact]
    public Task Projects_without_mathnet_are_not_analysed() =>
        VerifyAsync(TestCode.InClass("""
                void F() { var dx = 1; var x = 2; }
            """));

    [Fact]
    public Task Storage_types_static_factories_and_annotated_getters_are_understood() =>
        VerifyAsync(TestCode.Usings + """
            using MathNet.Numerics.LinearAlgebra.Double;
            public class C
            {
                [Shape("N", "D")] Matrix<double> X { get; } = null!;
                [Shape("D")] Vector<double> V { get; } = null!;
                [Shape("N")] Vector<double> Y => {|GC0003:X.TransposeThisAndMultiply(X) * V|};
                [Shape("D")] Vector<double> Z => X.TransposeThisAndMultiply(X) * V;

                void F()
                {
                    var a = new DenseMatrix(3, 4);
                    var b = DenseMatrix.Create(4, 2, 0.0);
                    var c = CreateMatrix.Dense<double>(2, 5);
                    var v = new DenseVector(5);
                    var w = CreateVector.Dense<double>(3);
                    var ok = a * b * c * v + w;
                    var bad1 = {|GC0001:a * c|};
                    var bad2 = {|GC0002:c * v + v|};
                    var bad3 = {|GC0001:w * c|};
                }
            }
            """);
}
