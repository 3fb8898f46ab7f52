using GradCheck.Analyzers.Tests.Infrastructure;
using static GradCheck.Analyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace GradCheck.Analyzers.Tests.Inference;

/// <summary>Contract point 2: unannotated fields keep the shape the constructors allocate them with.</summary>
public sealed class FieldAllocationShapeTests
{
    private const string Layer = """
        public class DenseLayer
        {
            private Matrix<double> weights;
            private Vector<double> bias;
            private Matrix<double> input = null!;

            public DenseLayer(int inputs, int outputs)
            {
                weights = Matrix<double>.Build.Random(inputs, outputs);
                bias = Vector<double>.Build.Dense(outputs);
            }

        """;

    [Fact]
    public Task Constructor_allocations_give_fields_their_shapes_in_every_method() =>
        VerifyAsync(TestCode.Usings + Layer + """
                public Matrix<double> Forward(Matrix<double> x)
                {
                    input = x;
                    var z = x * weights;
                    return z + Matrix<double>.Build.Dense(x.RowCount, bias.Count, (i, j) => bias[j]);
                }

                public Matrix<double> Backward(Matrix<double> dy)
                {
                    var dW = input.TransposeThisAndMultiply(dy);
                    var ok = dy * weights.Transpose();
                    var bad = {|GC0001:dy * weights|};
                    return ok;
                }
            }
            """);

    [Fact]
    public Task A_field_assigned_elsewhere_alike_keeps_its_shape_and_otherwise_loses_it() =>
        VerifyAsync(TestCode.Usings + Layer + """
                public void Step(Matrix<double> dW, double rate) => weights = weights - rate * dW;
                public Matrix<double> Uses() => {|GC0001:weights * weights|};
            }

            public class Reloaded
            {
                private Matrix<double> weights;
                public Reloaded(int inputs, int outputs) { weights = Matrix<double>.Build.Random(inputs, outputs); }
                public void Load(Matrix<double> loaded) => weights = loaded;
                public Matrix<double> Uses() => weights * weights;
            }
            """);

    [Fact]
    public Task Constructors_that_disagree_leave_the_field_unknown() =>
        VerifyAsync(TestCode.Usings + """
            public class TwoWays
            {
                private readonly Matrix<double> w;
                public TwoWays(int n) { w = Matrix<double>.Build.Dense(n, 3); }
                public TwoWays(int n, bool wide) { w = Matrix<double>.Build.Dense(3, n); }
                public TwoWays() : this(4) { }
                public Matrix<double> F() => w * w * Matrix<double>.Build.Dense(7, 7);
            }
            """);

    [Fact]
    public Task An_annotated_field_s_symbols_are_defined_by_the_constructor() =>
        VerifyAsync(TestCode.Usings + """
            public class Annotated
            {
                [Shape("D", "H")] private Matrix<double> w;
                [Shape("H")] private Vector<double> b;
                private readonly int hidden;

                public Annotated(int inputs, int hidden, int outputs)
                {
                    this.hidden = hidden;
                    w = Matrix<double>.Build.Random(inputs, hidden);
                    b = {|#0:Vector<double>.Build.Dense(outputs)|};
                }

                public Vector<double> Ok() => w * Vector<double>.Build.Dense(hidden);
            }
            """,
            Diagnostic("GC0003").WithLocation(0).WithArguments("(outputs)", "is assigned to field 'b'", "(hidden)",
                "; H is hidden (from `Matrix<double>.Build.Random(inputs, hidden)`, line 14), but here it needs outputs"));
}
