using GradCheck.Analyzers.Tests.Infrastructure;
using static GradCheck.Analyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace GradCheck.Analyzers.Tests.Inference;

/// <summary>Contract point 6: a reassigned local has the shape of its latest assignment on each path.</summary>
public sealed class FlowSensitiveLocalTests
{
    [Fact]
    public Task A_reused_local_has_the_shape_of_its_latest_assignment() =>
        VerifyAsync(TestCode.InClass("""
                void F([Shape("N", "D")] Matrix<double> x, [Shape("D", "H")] Matrix<double> w1, [Shape("H", "K")] Matrix<double> w2)
                {
                    var h = x * w1;
                    h = h.PointwiseMaximum(0.0);
                    var ok1 = h * w2;
                    h = h * w2;
                    var ok2 = h + Matrix<double>.Build.Dense(x.RowCount, w2.ColumnCount);
                    var bad = {|GC0001:h * w2|};
                }
            """));

    [Fact]
    public Task Branches_keep_what_they_agree_on() =>
        VerifyAsync(TestCode.InClass("""
                void F([Shape("N", "D")] Matrix<double> x, [Shape("D", "D")] Matrix<double> square, [Shape("D", "H")] Matrix<double> w, bool flag)
                {
                    var h = x;
                    if (flag) h = h * square;
                    var ok = h * w;
                    var g = x;
                    if (flag) g = g * w;
                    var unknownColumns = g * Matrix<double>.Build.Dense(7, 3);
                    var bad = {|GC0001:h * h|};
                }
            """));

    [Fact]
    public Task Shapes_assert_states_a_reused_local_s_shape_at_that_point_only() =>
        VerifyAsync(TestCode.InClass("""
                void F(Matrix<double> a, Matrix<double> b)
                {
                    var h = a;
                    Shapes.Assert(h, "N", "D");
                    h = b;
                    Shapes.Assert(h, "D", "N");
                    var ok = h * h.Transpose();
                    var bad = {|GC0001:h * h|};
                }
            """));

    /// <summary>
    /// What an inner loop assigns changes in the outer loop too: a size counted up in the inner loop is unknown at the top
    /// of the outer one, a matrix reassigned there keeps only what every pass agrees on, and one never reassigned keeps
    /// its shape through both.
    /// </summary>
    [Fact]
    public Task Nested_loops_widen_what_their_inner_loops_assign() =>
        VerifyAsync(TestCode.InClass("""
                void F([Shape("N", "D")] Matrix<double> x, [Shape("D", "K")] Matrix<double> v)
                {
                    var h = x;
                    var k = x;
                    var m = 3;
                    for (var i = 0; i < 2; i++)
                    {
                        var early = Matrix<double>.Build.Dense(2, m) * Matrix<double>.Build.Dense(5, 2);
                        for (var j = 0; j < 2; j++)
                        {
                            m = m + 1;
                            h = h * v;
                        }
                    }
                    var unknownColumns = h * Matrix<double>.Build.Dense(7, 3);
                    var bad = {|GC0001:k * k|};
                }
            """));
}
