using GradCheck.Analyzers.Tests.Infrastructure;
using static GradCheck.Analyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace GradCheck.Analyzers.Tests;

/// <summary>GC0002: element-wise operations, Add/Subtract, DotProduct and concatenation between different shapes.</summary>
public sealed class ElementwiseShapeMismatchTests
{
    [Fact]
    public Task Operator_addition_of_transposed_shapes_is_reported_with_both_shapes() =>
        VerifyAsync(TestCode.InClass("""
                Matrix<double> F([Shape("N", "M")] Matrix<double> a, [Shape("M", "N")] Matrix<double> b) => {|#0:a + b|};
            """),
            Diagnostic("GC0002").WithLocation(0).WithArguments("Addition (+)", "(N×M)", "(M×N)", "shapes differ"));

    [Fact]
    public Task Methods_and_operators_of_the_elementwise_family_are_checked() =>
        VerifyAsync(TestCode.InClass("""
                void F([Shape("N", "H")] Matrix<double> h, [Shape("H", "N")] Matrix<double> t)
                {
                    var ok = h.PointwiseMultiply(t.Transpose()) - h.Map(Math.Tanh) + h.Add(1.0) * 2.0;
                    var bad1 = {|GC0002:h - t|};
                    var bad2 = {|GC0002:h.Add(t)|};
                    var bad3 = {|GC0002:h.Subtract(t)|};
                    var bad4 = {|GC0002:h.PointwiseMultiply(t)|};
                    var bad5 = {|GC0002:h.PointwiseDivide(t)|};
                    var bad6 = {|GC0002:h.Map(Math.Exp).PointwiseMultiply(t)|};
                }
            """));

    [Fact]
    public Task Dot_products_of_different_lengths_are_reported() =>
        VerifyAsync(TestCode.InClass("""
                double F([Shape("N")] Vector<double> a, [Shape("D")] Vector<double> b, [Shape("N")] Vector<double> c)
                {
                    var ok = a.DotProduct(c) + a * c;
                    var bad1 = {|#0:a.DotProduct(b)|};
                    return {|GC0002:a * b|} + bad1;
                }
            """),
            Diagnostic("GC0002").WithLocation(0).WithArguments("DotProduct", "(N)", "(D)", "lengths N and D differ"));

    [Fact]
    public Task Vector_shapes_flow_through_row_and_column_sums_and_outer_products() =>
        VerifyAsync(TestCode.InClass("""
                void F([Shape("N", "K")] Matrix<double> dz, [Shape("K")] Vector<double> b, [Shape("N")] Vector<double> ones)
                {
                    var ok1 = dz.ColumnSums() + b;
                    var ok2 = dz + ones.OuterProduct(b);
                    var ok3 = dz.Row(0) - b + dz.Column(0).ToRowMatrix().Row(0).SubVector(0, 1).Sum();
                    var ok4 = ones.ToColumnMatrix() * b.ToRowMatrix() - dz;
                    var bad1 = {|GC0002:dz.RowSums() + b|};
                    var bad2 = {|GC0002:dz - b.OuterProduct(ones)|};
                    var bad3 = {|GC0002:dz.Column(0) - b|};
                }
            """));

    [Fact]
    public Task Append_and_stack_need_matching_rows_and_columns() =>
        VerifyAsync(TestCode.InClass("""
                void F([Shape("N", "D")] Matrix<double> a, [Shape("N", "H")] Matrix<double> b, [Shape("M", "D")] Matrix<double> c)
                {
                    var ok1 = a.Append(b);
                    var ok2 = a.Stack(c);
                    var ok3 = a.SubMatrix(0, 2, 0, 3) + Matrix<double>.Build.Dense(2, 3);
                    var bad1 = {|GC0002:a.Append(c)|};
                    var bad2 = {|GC0002:a.Stack(b)|};
                }
            """));

    [Fact]
    public Task Scalars_on_either_side_keep_the_shape() =>
        VerifyAsync(TestCode.InClass("""
                Matrix<double> F([Shape("N", "M")] Matrix<double> a, [Shape("M", "N")] Matrix<double> b)
                {
                    var scaled = 2.0 * a / 3.0 - 1.0;
                    var negated = -b;
                    return {|GC0002:scaled + negated|};
                }
            """));
}
