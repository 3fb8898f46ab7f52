using GradCheck.Analyzers.Tests.Infrastructure;
using static GradCheck.Analyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace GradCheck.Analyzers.Tests;

/// <summary>GC0003: values stored, passed or returned against a [Shape] annotation.</summary>
public sealed class AnnotatedTargetShapeMismatchTests
{
    [Fact]
    public Task Returning_a_transposed_value_against_the_return_annotation_is_reported() =>
        VerifyAsync(TestCode.InClass("""
                [return: Shape("N", "H")]
                Matrix<double> F([Shape("N", "D")] Matrix<double> x, [Shape("D", "H")] Matrix<double> w) => {|#0:(x * w).Transpose()|};
            """),
            Diagnostic("GC0003").WithLocation(0).WithArguments("(H×N)", "is returned from 'F'", "(N×H)", ""));

    [Fact]
    public Task Assignments_to_annotated_fields_properties_and_out_parameters_are_checked() =>
        VerifyAsync(TestCode.InClass("""
                [Shape("D", "H")] Matrix<double> W = Matrix<double>.Build.Dense(3, 4);
                [Shape("H")] Vector<double> B { get; set; } = Vector<double>.Build.Dense(5);  // symbols may stand for literal sizes
                [Shape("3", "4")] Matrix<double> Fixed = {|GC0003:Matrix<double>.Build.Dense(4, 3)|};

                void F([Shape("N", "D")] Matrix<double> x, [Shape("N", "H")] out Matrix<double> y)
                {
                    W = {|GC0003:W.Transpose()|};
                    this.W = W;
                    B = {|GC0003:x.Row(0)|};
                    y = x * W;
                    y = {|GC0003:x|};
                }
            """));

    [Fact]
    public Task Arguments_bind_a_helpers_symbols_afresh_at_each_call() =>
        VerifyAsync(TestCode.InClass("""
                [return: Shape("A", "C")]
                static Matrix<double> Mul([Shape("A", "B")] Matrix<double> a, [Shape("B", "C")] Matrix<double> b) => a * b;

                [return: Shape("B", "A")]
                static Matrix<double> T([Shape("A", "B")] Matrix<double> a) => a.Transpose();

                void F([Shape("N", "D")] Matrix<double> x, [Shape("D", "H")] Matrix<double> w, [Shape("N", "H")] Matrix<double> g)
                {
                    var h = Mul(x, w);           // (N×H)
                    var ok1 = h - g;
                    var ok2 = Mul(T(x), g);      // (D×H)
                    var ok3 = ok2 - w;
                    var bad1 = Mul(x, {|GC0003:g|});
                    var bad2 = {|GC0002:T(h) - g|};
                }
            """));

    [Fact]
    public Task Shapes_assert_gives_a_local_its_shape_at_that_point_and_checks_it() =>
        VerifyAsync(TestCode.InClass("""
                void F([Shape("N", "D")] Matrix<double> x, Matrix<double> unknown, Matrix<double> other)
                {
                    var h = unknown;
                    Shapes.Assert(h, "D", "H");
                    var ok = x * h;
                    var bad = {|GC0001:h * x|};
                    var k = Shapes.Assert(other.Transpose(), "H", "N");
                    var bad2 = {|GC0001:x * k|};
                    var m = Shapes.Assert({|GC0003:x.Transpose()|}, "N", "D");
                    h = x;                       // a new value: the assertion held only where it was made
                    var ok2 = h + x;
                    var bad3 = {|GC0001:h * x|};
                }
            """));

    [Fact]
    public Task A_method_that_only_returns_a_parameter_is_still_checked() =>
        VerifyAsync(TestCode.InClass("""
                [return: Shape("N")]
                Vector<double> F([Shape("D")] Vector<double> v) => {|GC0003:v|};

                (Matrix<double> dx, int count) G([Shape("N", "D")] Matrix<double> x, [Shape("D", "N")] Matrix<double> t) => ({|GC0004:t|}, 1);
            """));
}
