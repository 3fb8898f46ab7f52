using MathNet.Numerics.Distributions;

namespace GradCheck.Tests.Precision;

/// <summary>One layer written for any element type, checked in float32 and double in one call; the function forms in float32.</summary>
public class BothPrecisionsTests
{
    private sealed class GeluFactory(int seed, double planted) : IDifferentiableFactory
    {
        public Differentiable Create<T>() where T : struct, IEquatable<T>, IFormattable, System.Numerics.IFloatingPointIeee754<T>
        {
            var random = new Random(seed);
            var x = Matrix<T>.Build.Dense(3, 4, (_, _) => T.CreateChecked(Normal.Sample(random, 0, 1)));
            return Differentiable.Of(() => Gelu<T>.Forward(x), dy => Gelu<T>.Backward(dy, x) * T.CreateChecked(1 + planted)).WithInput(x);
        }
    }

    [Fact]
    public void A_correct_generic_layer_passes_in_both_precisions_and_each_check_runs_in_its_own()
    {
        var (single, @double) = GradientCheck.AssertInBothPrecisions(new GeluFactory(1, 0), new CheckOptions { Seed = 1 });
        Assert.Equal(Verdict.Passed, single.Verdict);
        Assert.Equal(Verdict.Passed, @double.Verdict);
        // Float32 rounds about 5·10⁸ times coarser: its check resolves less, and says so (double's stops at the 1e-6 tolerance).
        Assert.True(single.Inputs[0].Resolution > 10 * @double.Inputs[0].Resolution,
            $"{single.Inputs[0].Resolution} against {@double.Inputs[0].Resolution}");
    }

    [Fact]
    public void A_one_in_a_thousand_error_is_caught_in_double_even_where_float32_can_only_bound_it()
    {
        var (single, @double) = GradientCheck.RunInBothPrecisions(new GeluFactory(2, 1e-3), new CheckOptions { Seed = 2 });
        Assert.Equal(Verdict.Failed, @double.Verdict);
        Assert.True(single.Verdict == Verdict.Failed || single.Inputs[0].Resolution > 1e-4, single.Report);
        Assert.Throws<GradientCheckException>(() => GradientCheck.AssertInBothPrecisions(new GeluFactory(2, 1e-2), new CheckOptions { Seed = 2 }));
    }

    [Fact]
    public void The_float32_gradient_form_checks_in_float32_and_catches_a_one_percent_error()
    {
        var x = Vector<float>.Build.Dense([0.5f, -1.25f, 2f, 0.75f]);
        Func<Vector<float>, float> f = v => (float)v.Sum(e => Math.Exp(e) * Math.Sin(e));
        Func<Vector<float>, Vector<float>> g = v => v.Map(e => (float)(Math.Exp(e) * (Math.Sin(e) + Math.Cos(e))));
        Assert.Equal(Verdict.Passed, GradientCheck.Gradient(f, g, x, new CheckOptions { Seed = 1 }).Verdict);
        Assert.Equal(Verdict.Failed, GradientCheck.Gradient(f, v => g(v) * 1.01f, x, new CheckOptions { Seed = 1 }).Verdict);
        Assert.Equal(Vector<float>.Build.Dense([0.5f, -1.25f, 2f, 0.75f]), x);
    }

    [Fact]
    public void The_float32_Jacobian_form_checks_a_Jacobian_and_refuses_a_wrong_shape_naming_it()
    {
        var x = Vector<float>.Build.Dense([0.5f, -1.5f, 1f]);
        Func<Vector<float>, Vector<float>> f = v => Vector<float>.Build.Dense([v[0] * v[1], v[1] * v[2]]);
        Func<Vector<float>, Matrix<float>> j = v => Matrix<float>.Build.DenseOfArray(new[,] { { v[1], v[0], 0 }, { 0, v[2], v[1] } });
        Assert.Equal(Verdict.Passed, GradientCheck.Jacobian(f, j, x, new CheckOptions { Seed = 1 }).Verdict);
        var wrong = GradientCheck.Jacobian(f, v => j(v).Transpose(), x, new CheckOptions { Seed = 1 });
        Assert.Equal(FaultKind.WrongGradientShape, wrong.Fault!.Kind);
        Assert.Contains("The Jacobian is 3×2; expected 2×3", wrong.Fault.Message);
    }

    [Fact]
    public void A_generic_input_of_an_element_type_the_check_cannot_perturb_is_refused_naming_it()
    {
        var complex = Matrix<System.Numerics.Complex>.Build.Dense(2, 2);
        var error = Assert.Throws<ArgumentException>(() => Differentiable.Of(() => 1.0, _ => null).WithInput(complex));
        Assert.Contains("Input 'complex'", error.Message);
    }
}
