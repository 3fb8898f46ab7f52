using GradCheck.Analyzers.Tests.Infrastructure;
using static GradCheck.Analyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace GradCheck.Analyzers.Tests;

/// <summary>GC0004: dimension balancing — a gradient named after X must have X's shape.</summary>
public sealed class GradientShapeMismatchTests
{
    [Fact]
    public Task Local_gradient_of_a_field_with_the_transposed_shape_is_reported() =>
        VerifyAsync(TestCode.InClass("""
                [Shape("D", "H")] Matrix<double> W = null!;
                void Backward([Shape("N", "D")] Matrix<double> x, [Shape("N", "H")] Matrix<double> dy)
                {
                    var dW = {|#0:dy.TransposeThisAndMultiply(x)|};
                }
            """),
            Diagnostic("GC0004").WithLocation(0).WithArguments("dW", "(H×D)", "W", "(D×H)", ""));

    [Fact]
    public Task All_naming_conventions_are_recognised() =>
        VerifyAsync(TestCode.InClass("""
                void Backward([Shape("N", "D")] Matrix<double> x, [Shape("N", "D")] Matrix<double> X, [Shape("D", "N")] Matrix<double> t)
                {
                    var dx = {|GC0004:t|};
                    var dX = {|GC0004:t|};
                    var gradX = {|GC0004:t|};
                    var xGrad = {|GC0004:t|};
                    var dLdX = {|GC0004:t|};
                    var fine = t;
                    var dx2 = t;   // no variable named x2
                }
            """));

    [Fact]
    public Task Out_parameters_fields_properties_and_reassignments_are_checked() =>
        VerifyAsync(TestCode.InClass("""
                [Shape("D", "H")] Matrix<double> W = null!;
                [Shape("H")] Vector<double> b = null!;
                Matrix<double> dW = null!;
                Vector<double> db { get; set; } = null!;

                void Backward([Shape("N", "D")] Matrix<double> x, [Shape("N", "H")] Matrix<double> dy, out Matrix<double> dx)
                {
                    dW = x.TransposeThisAndMultiply(dy);
                    dW = {|GC0004:dy.TransposeThisAndMultiply(x)|};
                    db = dy.ColumnSums();
                    db = {|GC0004:dy.RowSums()|};
                    dx = dy * W.Transpose();
                    dx = {|GC0004:dy * W.Transpose() * W|};
                }
            """));

    [Fact]
    public Task Accumulated_gradients_are_checked() =>
        VerifyAsync(TestCode.InClass("""
                [Shape("D", "H")] Matrix<double> W = null!;
                Matrix<double> dW = null!;
                void Accumulate([Shape("N", "D")] Matrix<double> x, [Shape("N", "H")] Matrix<double> dy)
                {
                    dW += x.TransposeThisAndMultiply(dy);
                    {|GC0004:dW += dy.TransposeThisAndMultiply(x)|};
                }
            """));

    [Fact]
    public Task Named_elements_of_a_returned_tuple_are_gradients() =>
        VerifyAsync(TestCode.InClass("""
                [Shape("D", "H")] Matrix<double> W = null!;
                [Shape("H")] Vector<double> b = null!;

                (Matrix<double> dW, Vector<double> db, Matrix<double> dx) Backward([Shape("N", "D")] Matrix<double> x, [Shape("N", "H")] Matrix<double> dy)
                {
                    var g = x.TransposeThisAndMultiply(dy);
                    return ({|GC0004:g.Transpose()|}, {|GC0004:dy.RowSums()|}, dy * W.Transpose());
                }

                (Matrix<double> dW, Vector<double> db) Correct([Shape("N", "D")] Matrix<double> x, [Shape("N", "H")] Matrix<double> dy)
                {
                    var dW = x.TransposeThisAndMultiply(dy);
                    var db = dy.ColumnSums();
                    return (dW, db);
                }
            """));

    [Fact]
    public Task Unannotated_variables_give_no_balancing_constraint() =>
        VerifyAsync(TestCode.InClass("""
                Matrix<double> W = null!;
                void Backward([Shape("N", "H")] Matrix<double> dy, Matrix<double> x)
                {
                    var dW = dy.Transpose();
                    var dx = dy;
                }
            """));
}
