using GradCheck.Tests.Fixtures;

namespace GradCheck.Tests.Engine;

/// <summary>
/// Faults that once crashed, passed falsely or misled: each now gives an Invalid verdict naming the culprit, and every
/// input (−0.0, subnormals and NaN payloads in constants included) comes back bit for bit.
/// </summary>
public class FaultMechanismTests
{
    // Values whose bits a careless restore would change; the NaN with a payload may only sit in a constant.
    private static Matrix<double> Awkward() => Matrix<double>.Build.DenseOfArray(new[,]
    {
        { -0.0, double.Epsilon * 3, 0.1 + 0.2 },
        { 1e300, -1.0 / 3, BitConverter.Int64BitsToDouble(0x3FF0000000000001) },
    });

    private static Vector<double> ConstantWithPayload() =>
        Vector<double>.Build.Dense([BitConverter.Int64BitsToDouble(0x7FF8000000000123), double.NegativeInfinity, -0.0]);

    [Fact]
    public void An_output_whose_shape_changes_between_the_two_guard_runs_is_a_fault_not_a_crash()
    {
        var x = Awkward();
        var calls = 0;
        var result = GradientCheck.Run(Differentiable.Of(() => ++calls == 1 ? x * 1 : x.SubMatrix(0, 1, 0, 3), d => d).WithInput(x));
        AssertFault(result, FaultKind.OutputShapeChanged, "1×3 output after returning 2×3");
        AssertSameBits(Awkward(), x);
    }

    [Fact]
    public void A_diagonal_input_is_refused_up_front_naming_it()
    {
        var d = Matrix<double>.Build.Diagonal(3, 3, 2.0);
        var result = GradientCheck.Run(Differentiable.Of(() => d.Diagonal().Sum(), g => Matrix<double>.Build.DenseIdentity(3) * g).WithInput(d, "D"));
        AssertFault(result, FaultKind.InvalidArgument, "Input 'D' is a DiagonalMatrix");
        Assert.Equal(Matrix<double>.Build.Diagonal(3, 3, 2.0), d);
    }

    [Fact]
    public void A_lazily_evaluated_backward_that_throws_is_a_backward_fault()
    {
        var x = Awkward();
        IEnumerable<object> Gradients(Matrix<double> d)
        {
            yield return d;
            throw new InvalidOperationException("thrown while enumerated");
        }

        var result = GradientCheck.Run(Differentiable.Of(() => x * 1, d => Gradients(d)).WithInput(x));
        AssertFault(result, FaultKind.BackwardThrew, "thrown while enumerated");
        AssertSameBits(Awkward(), x);
    }

    [Fact]
    public void The_same_matrix_passed_twice_is_refused_naming_both_inputs()
    {
        // f(a, b) = Σ a∘b with a and b the same matrix: a doubled gradient would pass, the right one would fail.
        var x = Awkward().Map(v => double.IsFinite(v) && Math.Abs(v) < 10 ? v : 1.0);
        var result = GradientCheck.Run(Differentiable.Of(() => x.PointwiseMultiply(x).Enumerate().Sum(), d => (2 * d * x, 2 * d * x))
            .WithInput(x, "a").WithInput(x, "b"));
        AssertFault(result, FaultKind.AliasedInputs, "Inputs 'a' and 'b' are the same matrix");
    }

    [Fact]
    public void Two_matrices_over_one_storage_array_are_refused_as_aliases()
    {
        var values = new[] { 1.0, 2.0, 3.0, 4.0 };
        var a = Matrix<double>.Build.Dense(2, 2, values);
        var b = Matrix<double>.Build.Dense(2, 2, values);
        var result = GradientCheck.Run(Differentiable.Of(() => (a + b).Enumerate().Sum(), d => (Ones(2, 2) * d, Ones(2, 2) * d))
            .WithInput(a, "a").WithInput(b, "b"));
        AssertFault(result, FaultKind.AliasedInputs, "Inputs 'a' and 'b'");
        Assert.Equal([1.0, 2.0, 3.0, 4.0], values);
    }

    [Fact]
    public void An_empty_output_is_a_fault_not_a_vacuous_pass()
    {
        var x = Awkward();
        var result = GradientCheck.Run(Differentiable.Of(() => Matrix<double>.Build.Dense(0, 3), d => Matrix<double>.Build.Dense(2, 3)).WithInput(x));
        AssertFault(result, FaultKind.EmptyOutput, "nothing to compare");
        AssertSameBits(Awkward(), x);
    }

    [Theory]
    [InlineData(CheckMode.Default)]
    [InlineData(CheckMode.Full)]
    public void A_forward_that_writes_to_its_input_only_at_perturbed_points_is_caught(CheckMode mode)
    {
        // Clamps x to at most 1 in place: a no-op at the unperturbed point, where every value is below 1 by a hair.
        var x = Vector<double>.Build.Dense([1.0 - 1e-12, 0.5, -0.25]);
        var before = x.Clone();
        var result = GradientCheck.Run(Differentiable.Of(() =>
            {
                x.MapInplace(v => Math.Min(v, 1.0 - 1e-12));
                return x.Sum();
            }, d => Vector<double>.Build.Dense(3, d)).WithInput(x), new CheckOptions { Mode = mode, Seed = 1 });
        AssertFault(result, FaultKind.ForwardMutatesInput, "input 'x' element [0]");
        AssertSameBits(before, x);
    }

    [Fact]
    public void A_forward_that_writes_elsewhere_only_at_perturbed_points_is_caught()
    {
        // Moving x[1] up makes the forward write x[2]: the moved element itself is left alone.
        var x = Vector<double>.Build.Dense([0.3, 0.5, -0.25]);
        var before = x.Clone();
        var result = GradientCheck.Run(Differentiable.Of(() =>
            {
                if (x[1] > 0.5) x[2] = 7;
                return x.Sum();
            }, d => Vector<double>.Build.Dense(3, d)).WithInput(x), new CheckOptions { Mode = CheckMode.Full, Seed = 1 });
        AssertFault(result, FaultKind.ForwardMutatesInput, "input 'x' element [2]");
        AssertSameBits(before, x);
    }

    [Theory]
    [InlineData(CheckMode.Default)]
    [InlineData(CheckMode.Full)]
    public void Nondeterminism_that_starts_after_the_guard_runs_is_caught_so_a_sign_flip_cannot_pass(CheckMode mode)
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var x = Draw.Matrix(new Random(seed), 3, 4);
            var noise = new Random(seed);
            var calls = 0;
            // From the third call on, noise of 1e-3: every quotient is noise, and -g could pass against it.
            var result = GradientCheck.Run(Differentiable.Of(() => x * (++calls > 2 ? 1 + 1e-3 * noise.NextDouble() : 1), d => -d).WithInput(x),
                new CheckOptions { Mode = mode, Seed = seed });
            Assert.NotEqual(Verdict.Passed, result.Verdict);
            Assert.NotEqual(Verdict.NonDifferentiable, result.Verdict);
        }
    }

    [Fact]
    public void A_null_output_at_a_perturbed_point_names_the_input_and_element()
    {
        var x = Vector<double>.Build.Dense([0.25, 0.5]);
        var result = GradientCheck.Run(Differentiable.Of(() => x[1] == 0.5 ? x * 2 : null!, d => d * 2).WithInput(x),
            new CheckOptions { Mode = CheckMode.Full });
        AssertFault(result, FaultKind.OutputShapeChanged, "returned null after returning a 2 vector while input 'x' element [1] was perturbed");
        Assert.Equal("x", result.Fault!.InputName);
    }

    [Fact]
    public void A_projection_too_large_to_sum_is_not_blamed_on_the_forward_pass()
    {
        // Every output is finite (0.9e308); their weighted sum is not.
        var x = Vector<double>.Build.Dense([0.9, 0.9, 0.9, 0.9]);
        var result = GradientCheck.Run(Differentiable.Of(() => x * 1e308, d => d * 1e308).WithInput(x), new CheckOptions { Seed = 1 });
        AssertFault(result, FaultKind.OutputTooLarge, "finite but too large for the check to sum");
        Assert.DoesNotContain("produced an infinite value", result.Report);
    }

    [Fact]
    public void A_NaN_in_a_differentiated_input_is_invalid_naming_the_element_while_constants_may_hold_NaN_and_infinity()
    {
        var x = Vector<double>.Build.Dense([0.5, double.NaN, 2.0]);
        var result = GradientCheck.Run(Differentiable.Of(() => x * 2, d => d * 2).WithInput(x));
        AssertFault(result, FaultKind.NonFiniteInput, "Input 'x' holds NaN at element [1]");

        // A mask of −∞ and a NaN with a payload as constants: the check runs, and they come back bit for bit.
        var w = Vector<double>.Build.Dense([0.5, 1.5, -2.0]);
        var mask = ConstantWithPayload();
        var ok = GradientCheck.Run(Differentiable.Of(() => w.DotProduct(w), d => 2 * d * w).WithInput(w).WithConstant(mask, "mask"));
        Assert.Equal(Verdict.Passed, ok.Verdict);
        Assert.Equal(ConstantWithPayload().Select(BitConverter.DoubleToInt64Bits), mask.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void A_float_gradient_of_a_double_input_is_named_by_its_element_type()
    {
        var x = Awkward().Map(v => double.IsFinite(v) && Math.Abs(v) < 10 ? v : 1.0);
        var result = GradientCheck.Run(Differentiable.Of(() => x * 2, d => (d * 2).Map(v => (float)v)).WithInput(x));
        AssertFault(result, FaultKind.WrongGradientShape, "a 2×3 Matrix<float> (single precision; the input is a Matrix<double>)");
    }

    [Fact]
    public void Null_arguments_are_named_as_the_public_parameters_are()
    {
        Assert.Equal("differentiable", Assert.Throws<ArgumentNullException>(() => GradientCheck.Run((Differentiable)null!)).ParamName);
        Assert.Equal("create", Assert.Throws<ArgumentNullException>(() => GradientCheck.Run((Func<Differentiable>)null!)).ParamName);
        Assert.Equal("differentiable", Assert.Throws<ArgumentNullException>(() => GradientCheck.Taylor(null!)).ParamName);
    }

    [Fact]
    public void A_wrong_gradient_of_a_function_with_a_bounded_domain_fails_rather_than_leaving_the_domain()
    {
        // Binary cross-entropy with predictions near 1: the confirmation must step within what the check evaluated.
        var p = Vector<double>.Build.Dense([0.999, 0.9995, 0.3]);
        var y = Vector<double>.Build.Dense([1.0, 0.0, 1.0]);
        double Loss() => -(y.PointwiseMultiply(p.PointwiseLog()) + (1 - y).PointwiseMultiply((1 - p).PointwiseLog())).Sum();
        Vector<double> Gradient(double d) => d * ((1 - y).PointwiseDivide(1 - p) - y.PointwiseDivide(p));
        for (var seed = 0; seed < 20; seed++)
        {
            var wrong = GradientCheck.Run(Differentiable.Of(Loss, d => 1.5 * Gradient(d)).WithInput(p).WithConstant(y), new CheckOptions { Seed = seed });
            Assert.Equal(Verdict.Failed, wrong.Verdict);
            var right = GradientCheck.Run(Differentiable.Of(Loss, Gradient).WithInput(p).WithConstant(y), new CheckOptions { Seed = seed });
            Assert.Equal(Verdict.Passed, right.Verdict);
        }
    }

    [Fact]
    public void The_Taylor_test_of_a_correct_log_stays_inside_its_domain()
    {
        var x = Vector<double>.Build.Dense([0.1, 0.2, 0.15]);
        for (var seed = 0; seed < 20; seed++)
        {
            var results = GradientCheck.Taylor(Differentiable.Of(() => x.PointwiseLog().Sum(), d => d / x).WithInput(x), seed);
            Assert.Equal(TaylorVerdict.Consistent, Assert.Single(results).Verdict);
        }
    }

    private static Matrix<double> Ones(int rows, int columns) => Matrix<double>.Build.Dense(rows, columns, 1.0);

    private static void AssertFault(CheckResult result, FaultKind kind, string expectedText)
    {
        Assert.Equal(Verdict.Invalid, result.Verdict);
        Assert.Equal(kind, result.Fault!.Kind);
        Assert.Contains(expectedText, result.Report);
    }

    private static void AssertSameBits(Matrix<double> expected, Matrix<double> actual) =>
        Assert.Equal(expected.ToColumnMajorArray().Select(BitConverter.DoubleToInt64Bits), actual.ToColumnMajorArray().Select(BitConverter.DoubleToInt64Bits));

    private static void AssertSameBits(Vector<double> expected, Vector<double> actual) =>
        Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), actual.Select(BitConverter.DoubleToInt64Bits));
}
