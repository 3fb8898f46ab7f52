using GradCheck.Tests.Fixtures;

namespace GradCheck.Tests.Engine;

/// <summary>Unfit functions give an Invalid verdict naming the culprit: never a pass, never an unhandled crash.</summary>
public class FaultTests
{
    private static readonly Matrix<double> X = Draw.Matrix(new Random(1), 3, 4);

    [Fact]
    public void NaN_in_the_output_names_the_output_element()
    {
        var x = X.Clone();
        var result = GradientCheck.Run(Differentiable.Of(() => { var y = x.Clone(); y[1, 2] = double.NaN; return y; }, d => d).WithInput(x));
        AssertFault(result, FaultKind.NonFiniteOutput, "[1, 2]");
    }

    [Fact]
    public void NaN_at_a_perturbed_input_names_the_element_and_the_domain()
    {
        // A log with a hard floor at 1e-7, where x[2] sits: any step down from it leaves the domain.
        var x = Vector<double>.Build.Dense([1.0, 2.0, 1e-7]);
        var result = GradientCheck.Run(
            Differentiable.Of(() => x.Map(v => v >= 1e-7 ? Math.Log(v) : double.NaN).Sum(), d => x.Map(v => d / v)).WithInput(x),
            new CheckOptions { Mode = CheckMode.Full });
        AssertFault(result, FaultKind.NonFiniteOutput, "input 'x' element [2]");
        Assert.Contains("domain", result.Report);
    }

    [Fact]
    public void Infinite_gradient_names_the_input_and_element()
    {
        var x = X.Clone();
        var result = GradientCheck.Run(Differentiable.Of(() => x * 2, d => { var g = d * 2; g[0, 3] = double.PositiveInfinity; return g; }).WithInput(x));
        AssertFault(result, FaultKind.NonFiniteGradient, "'x' at element [0, 3]");
    }

    [Fact]
    public void Throwing_forward_is_reported_with_its_exception()
    {
        var x = X.Clone();
        var result = GradientCheck.Run(Differentiable.Of(new Func<Matrix<double>>(() => throw new InvalidOperationException("boom")), d => d).WithInput(x));
        AssertFault(result, FaultKind.ForwardThrew, "boom");
        Assert.IsType<InvalidOperationException>(result.Fault!.Exception);
    }

    [Fact]
    public void Forward_throwing_only_at_a_perturbed_input_names_that_element()
    {
        var x = Vector<double>.Build.Dense([0.5, 0.25]);
        var original = x[1];
        var result = GradientCheck.Run(Differentiable.Of(() =>
            {
                if (x[1] != original) throw new ArgumentException("out of range");
                return x * 2;
            }, d => d * 2).WithInput(x), new CheckOptions { Mode = CheckMode.Full });
        AssertFault(result, FaultKind.ForwardThrew, "input 'x' element [1]");
    }

    [Fact]
    public void Throwing_backward_is_reported()
    {
        var x = X.Clone();
        var result = GradientCheck.Run(Differentiable.Of(() => x * 2, new Func<Matrix<double>, object?>(_ =>
            throw new NotSupportedException("no grad"))).WithInput(x));
        AssertFault(result, FaultKind.BackwardThrew, "no grad");
    }

    [Fact]
    public void Gradient_of_the_wrong_shape_names_the_input()
    {
        var (x, w) = (X.Clone(), Draw.Matrix(new Random(2), 4, 4));
        var result = GradientCheck.Run(Differentiable.Of(() => x * w, d => (d * w.Transpose(), d.TransposeThisAndMultiply(x).Transpose().SubMatrix(0, 4, 0, 3)))
            .WithInput(x).WithInput(w));
        AssertFault(result, FaultKind.WrongGradientShape, "gradient of 'w' is a 4×3 matrix; expected a matrix of shape 4×4");
    }

    [Fact]
    public void Vector_gradient_for_a_matrix_input_is_a_shape_fault()
    {
        var x = X.Clone();
        var result = GradientCheck.Run(Differentiable.Of(() => x * 2, d => d.ColumnSums()).WithInput(x));
        AssertFault(result, FaultKind.WrongGradientShape, "a vector of length 4");
    }

    [Fact]
    public void Missing_gradient_names_the_inputs_in_order()
    {
        var (x, w) = (X.Clone(), Draw.Matrix(new Random(2), 4, 2));
        var result = GradientCheck.Run(Differentiable.Of(() => x * w, d => d * w.Transpose()).WithInput(x).WithInput(w));
        AssertFault(result, FaultKind.WrongGradientCount, "1 gradient for 2 differentiated inputs (x, w)");
    }

    [Fact]
    public void Null_gradient_is_a_fault()
    {
        var x = X.Clone();
        var result = GradientCheck.Run(Differentiable.Of(() => x * 2, _ => null).WithInput(x));
        AssertFault(result, FaultKind.WrongGradientCount, "returned 0 gradients");
    }

    [Fact]
    public void Nondeterministic_forward_is_reported()
    {
        var x = X.Clone();
        var random = new Random(3);
        var result = GradientCheck.Run(Differentiable.Of(() => x * random.NextDouble(), d => d).WithInput(x));
        AssertFault(result, FaultKind.NonDeterministicForward, "not deterministic");
    }

    [Fact]
    public void Forward_that_mutates_its_input_is_reported_and_the_input_restored()
    {
        var x = X.Clone();
        var before = x.Clone();
        var result = GradientCheck.Run(Differentiable.Of(() => { x[0, 1] += 1; return x * 2; }, d => d * 2).WithInput(x));
        AssertFault(result, FaultKind.ForwardMutatesInput, "changed input 'x' element [0, 1]");
        Assert.Equal(before, x);
    }

    [Fact]
    public void Backward_that_mutates_an_input_is_reported()
    {
        var x = X.Clone();
        var result = GradientCheck.Run(Differentiable.Of(() => x * 2, d => { x.Clear(); return d * 2; }).WithInput(x));
        AssertFault(result, FaultKind.BackwardMutatesInput, "backward pass changed input 'x'");
    }

    [Fact]
    public void Empty_input_is_reported()
    {
        var x = Matrix<double>.Build.Dense(3, 4);
        var empty = Vector<double>.Build.Dense(0);
        var result = GradientCheck.Run(Differentiable.Of(() => x * 2, d => (d * 2, empty)).WithInput(x).WithInput(empty));
        AssertFault(result, FaultKind.EmptyInput, "Input 'empty' has no elements");
    }

    [Fact]
    public void No_differentiated_input_is_reported()
    {
        var x = X.Clone();
        var result = GradientCheck.Run(Differentiable.Of(() => x * 2, d => d).WithConstant(x));
        AssertFault(result, FaultKind.EmptyInput, "No input is differentiated");
    }

    [Fact]
    public void Output_whose_shape_depends_on_values_is_reported()
    {
        var x = Vector<double>.Build.Dense([0.5, 0.7]);
        var result = GradientCheck.Run(Differentiable.Of(() => x[0] > 0.5 ? Vector<double>.Build.Dense(3) : x * 1, d => d).WithInput(x),
            new CheckOptions { Mode = CheckMode.Full });
        AssertFault(result, FaultKind.OutputShapeChanged, "3 output after returning 2");
    }

    [Fact]
    public void Invalid_options_throw_naming_the_option()
    {
        var x = X.Clone();
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() =>
            GradientCheck.Run(Differentiable.Of(() => x * 2, d => d * 2).WithInput(x), new CheckOptions { RelativeTolerance = -1 }));
        Assert.Equal("RelativeTolerance", exception.ParamName);
    }

    [Fact]
    public void Assert_throws_on_a_fault_with_the_fault_in_the_message()
    {
        var x = X.Clone();
        var exception = Assert.Throws<GradientCheckException>(() =>
            GradientCheck.Assert(Differentiable.Of(() => x * 2, d => d.ColumnSums()).WithInput(x)));
        Assert.Equal(Verdict.Invalid, exception.Result.Verdict);
        Assert.Contains("could not run (WrongGradientShape", exception.Message);
    }

    private static void AssertFault(CheckResult result, FaultKind kind, string expectedText)
    {
        Assert.Equal(Verdict.Invalid, result.Verdict);
        Assert.False(result.Passed);
        Assert.Equal(kind, result.Fault!.Kind);
        Assert.Contains(expectedText, result.Report);
    }
}
