using GradCheck.Analyzers.Tests.Infrastructure;
using static GradCheck.Analyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace GradCheck.Analyzers.Tests.Inference;

/// <summary>Contract point 1: int parameters, fields, properties and locals used as sizes are size symbols named after them.</summary>
public sealed class SizeSymbolsFromCodeTests
{
    [Fact]
    public Task Distinct_int_parameters_are_independent_sizes() =>
        VerifyAsync(TestCode.InClass("""
                Matrix<double> Layer(Matrix<double> x, int nIn, int nOut)
                {
                    var w = Matrix<double>.Build.Random(nIn, nOut);
                    var ok = x * w;
                    return {|#0:ok * w|};
                }
            """),
            Diagnostic("GC0001").WithLocation(0).WithArguments("Matrix product", "(?×nOut)", "(nIn×nOut)", "nOut", "nIn", ""));

    [Fact]
    public Task Locals_hold_size_expressions_and_unknowable_values_are_never_reported() =>
        VerifyAsync(TestCode.InClass("""
                void F([Shape("N", "D")] Matrix<double> x, int d, int[] sizes)
                {
                    var n = x.RowCount;
                    int m = d + 1;
                    int half = d / 2, least = Math.Min(d, n), first = sizes[0], called = GetHashCode();
                    var a = Matrix<double>.Build.Dense(n, m);
                    var b = Matrix<double>.Build.Dense(m, d);
                    var ok = x.Transpose() * a * b;
                    var unknowable = Matrix<double>.Build.Dense(half, least) * Matrix<double>.Build.Dense(first, called);
                    var bad = {|GC0001:a * a|};
                }
            """));

    [Fact]
    public Task A_local_assigned_different_sizes_is_unknown_after_the_branches() =>
        VerifyAsync(TestCode.InClass("""
                void F(int p, int q, bool flag)
                {
                    int k = p;
                    if (flag) k = q;
                    var a = Matrix<double>.Build.Dense(p, k);
                    var ok = a * Matrix<double>.Build.Dense(q, 3) * Matrix<double>.Build.Dense(3, p);
                    var b = Matrix<double>.Build.Dense(p, q);
                    var bad = {|GC0001:b * b|};
                }
            """));

    [Fact]
    public Task A_symbol_is_never_reported_against_a_literal() =>
        VerifyAsync(TestCode.InClass("""
                void F(int inputs, int hidden)
                {
                    var w = Matrix<double>.Build.Random(inputs, hidden);
                    var x = Matrix<double>.Build.Dense(32, 784);
                    var ok = x * w;
                    var bad = {|GC0001:Matrix<double>.Build.Dense(32, 10) * Matrix<double>.Build.Dense(784, 10)|};
                }
            """));

    [Fact]
    public Task Int_fields_stored_by_the_constructor_are_object_level_sizes() =>
        VerifyAsync(TestCode.Usings + """
            public class Dense
            {
                private readonly int nIn, nOut;
                public Dense(int inputs, int outputs) { nIn = inputs; this.nOut = outputs; }
                public Matrix<double> Ones() => Matrix<double>.Build.Dense(nIn, nOut, 1.0);
                public Matrix<double> Ok() => Ones().Transpose() * Ones();
                public Matrix<double> Bad() => {|#0:Ones() * Ones()|};
            }
            """,
            Diagnostic("GC0001").WithLocation(0).WithArguments("Matrix product", "(inputs×outputs)", "(inputs×outputs)", "outputs", "inputs", ""));
}
