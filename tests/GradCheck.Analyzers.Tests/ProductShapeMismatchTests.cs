using GradCheck.Analyzers.Tests.Infrastructure;
using static GradCheck.Analyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace GradCheck.Analyzers.Tests;

/// <summary>GC0001: products whose inner dimensions differ.</summary>
public sealed class ProductShapeMismatchTests
{
    [Fact]
    public Task Operator_product_with_mismatched_inner_dims_is_reported_with_both_shapes() =>
        VerifyAsync(TestCode.InClass("""
                Matrix<double> F([Shape("N", "M")] Matrix<double> a, [Shape("D", "M")] Matrix<double> b) => {|#0:a * b|};
            """),
            Diagnostic("GC0001").WithLocation(0).WithArguments("Matrix product", "(N×M)", "(D×M)", "M", "D", ""));

    [Fact]
    public Task Balanced_product_is_not_reported() =>
        VerifyAsync(TestCode.InClass("""
                Matrix<double> F([Shape("N", "M")] Matrix<double> a, [Shape("M", "K")] Matrix<double> b) => a * b;
            """));

    [Fact]
    public Task Square_shapes_multiply_either_way() =>
        VerifyAsync(TestCode.InClass("""
                Matrix<double> F([Shape("N", "N")] Matrix<double> a, [Shape("N", "N")] Matrix<double> b) => a * b * a.Transpose() * b;
            """));

    [Fact]
    public Task Multiply_method_and_fused_transpose_products_are_checked() =>
        VerifyAsync(TestCode.InClass("""
                void F([Shape("N", "D")] Matrix<double> x, [Shape("N", "H")] Matrix<double> g, [Shape("D", "H")] Matrix<double> w)
                {
                    var ok1 = x.TransposeThisAndMultiply(g);   // (D×N)·(N×H)
                    var ok2 = g.TransposeAndMultiply(w);       // (N×H)·(H×D)
                    var ok3 = x.Multiply(w);
                    var bad1 = {|GC0001:x.Multiply(g)|};
                    var bad2 = {|GC0001:x.TransposeAndMultiply(g)|};
                    var bad3 = {|GC0001:g.TransposeThisAndMultiply(w)|};
                }
            """));

    [Fact]
    public Task Matrix_vector_and_vector_matrix_products_are_checked() =>
        VerifyAsync(TestCode.InClass("""
                void F([Shape("N", "D")] Matrix<double> x, [Shape("D")] Vector<double> w, [Shape("N")] Vector<double> y)
                {
                    var ok1 = x * w;
                    var ok2 = y * x;
                    var ok3 = x.TransposeThisAndMultiply(y);
                    var bad1 = {|GC0001:x * y|};
                    var bad2 = {|GC0001:w * x|};
                }
            """));

    [Fact]
    public Task Shapes_flow_from_builders_and_size_expressions() =>
        VerifyAsync(TestCode.InClass("""
                void F([Shape("N", "D")] Matrix<double> x)
                {
                    int n = x.RowCount;
                    var ones = Matrix<double>.Build.Dense(n, 1, 1.0);
                    var w = Matrix<double>.Build.Random(x.ColumnCount, 4);
                    var i3 = Matrix<double>.Build.DenseIdentity(3);
                    var ok1 = ones.TransposeThisAndMultiply(x);   // (1×N)·(N×D)
                    var ok2 = x * w * Matrix<double>.Build.Dense(4, 3) * i3;
                    var bad1 = {|GC0001:i3 * ones.Transpose()|};
                    var bad2 = {|GC0001:x * w * i3|};
                }
            """));

    [Fact]
    public Task Literal_against_symbol_is_not_reported_but_literal_against_literal_is() =>
        VerifyAsync(TestCode.InClass("""
                Matrix<double> F([Shape("N", "D")] Matrix<double> x) => {|GC0001:x * Matrix<double>.Build.Dense(3, 2) * Matrix<double>.Build.Dense(3, 2)|};
            """));

    [Fact]
    public Task Sizes_that_cannot_be_expressed_are_never_reported() =>
        VerifyAsync(TestCode.InClass("""
                Matrix<double> F(Matrix<double> a, Matrix<double> b, int n, int m)
                {
                    var c = Matrix<double>.Build.Dense(n / 2, Math.Min(n, m));
                    var d = Matrix<double>.Build.Dense(m % 3, n / 2);
                    return a * b * c * c * d.Transpose() * a.Transpose();
                }
            """));

    [Fact]
    public Task Int_parameters_are_independent_size_symbols() =>
        VerifyAsync(TestCode.InClass("""
                Matrix<double> F(int n, int m)
                {
                    var c = Matrix<double>.Build.Dense(n, m);
                    var d = Matrix<double>.Build.Dense(m, n);
                    var ok = c * d * c;
                    return {|#0:c * c|};
                }
            """),
            Diagnostic("GC0001").WithLocation(0).WithArguments("Matrix product", "(n×m)", "(n×m)", "m", "n", ""));

    [Fact]
    public Task Opaque_sizes_are_consistent_with_themselves() =>
        VerifyAsync(TestCode.InClass("""
                Matrix<double> F(Matrix<double> a, int n)
                {
                    var c = Matrix<double>.Build.Dense(n, 3);
                    var d = Matrix<double>.Build.Dense(4, n);
                    var ok = a.Transpose() * a * a.Transpose() + d * c * c.Transpose() * d;
                    return {|GC0001:c * d|};
                }
            """));

    /// <summary>
    /// A body with no matrix in its signature or its type is analysed when it names a member whose declared signature
    /// has one: here through an alias, and through a type name written with a Unicode escape (which the text scan of
    /// declarations cannot see, so the tokens are read).
    /// </summary>
    [Fact]
    public Task Bodies_are_analysed_when_they_call_members_declared_with_aliased_or_escaped_matrix_types() =>
        VerifyAsync(TestCode.Usings + """
            using M = MathNet.Numerics.LinearAlgebra.Matrix<double>;

            public static class Helpers
            {
                [return: Shape("3", "4")]
                public static M Wide() => M.Build.Dense(3, 4);

                [return: Shape("5", "6")]
                public static \u004Datrix<double> Tall() => \u004Datrix<double>.Build.Dense(5, 6);
            }

            public class Caller
            {
                private int count;

                public int F() { var p = {|GC0001:Helpers.Wide() * Helpers.Wide()|}; return count; }

                public int G() { var p = {|GC0001:Helpers.Tall() * Helpers.Tall()|}; return count; }
            }
            """);
}
