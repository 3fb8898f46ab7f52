using GradCheck.Analyzers.Tests.Infrastructure;
using static GradCheck.Analyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace GradCheck.Analyzers.Tests.Inference;

/// <summary>Contract point 7: an operation already reported has an unknown result — no cascades.</summary>
public sealed class OneReportPerBugTests
{
    [Fact]
    public Task Nothing_downstream_of_a_reported_product_is_reported() =>
        VerifyAsync(TestCode.InClass("""
                [return: Shape("N", "H")]
                Matrix<double> F([Shape("N", "D")] Matrix<double> x, [Shape("H", "D")] Matrix<double> w, [Shape("N", "H")] Matrix<double> y)
                {
                    var z = {|GC0001:x * w|};
                    var a = z + y;
                    var b = z * w * z.Transpose();
                    var dz = z - y;
                    return z.Transpose();
                }
            """));

    [Fact]
    public Task A_contradiction_is_reported_once_even_when_used_again() =>
        VerifyAsync(TestCode.InClass("""
                void F(Matrix<double> x, [Shape("D", "H")] Matrix<double> w, [Shape("K", "H")] Matrix<double> v)
                {
                    var a = x * w;
                    var b = {|GC0001:x * v|};
                    var c = x * w;
                }
            """));

    [Fact]
    public Task Code_a_test_expects_to_throw_is_not_reported() =>
        VerifyAsync(TestCode.InClass("""
                static void Throws<T>(Action action) { }
                static void That(Action action, object constraint) { }
                void F(Matrix<double> m)
                {
                    Throws<ArgumentException>(() => m.InsertRow(0, Vector<double>.Build.Dense(m.ColumnCount + 1)));
                    That(() => m.InsertColumn(0, Vector<double>.Build.Dense(m.RowCount - 1)), "Throws.ArgumentException");
                    var bad = {|GC0002:m.InsertRow(0, Vector<double>.Build.Dense(m.ColumnCount + 1))|};
                }
            """));
}
