namespace GradCheck.Tests.Engine;

/// <summary>
/// The Taylor test's order estimate on functions whose remainder is a known power of the step, and its step schedule:
/// from 8 (startLevel −3) halving, at most 24 steps, wider first when the remainder starts too close to the noise.
/// </summary>
public class TaylorOrderTests
{
    [Fact]
    public void A_cubic_at_its_flat_point_has_order_three_and_stops_once_the_remainder_is_below_rounding()
    {
        // Σxᵢ³ at 0 with gradient 0: φ(t·v) is the remainder itself, t³·Σvᵢ³. It falls eightfold per halving until it sinks
        // below the rounding floor: 18 steps from 8 down (any change to the schedule or the floor moves this count).
        var x = Vector<double>.Build.Dense(3);
        var result = GradientCheck.Taylor(Differentiable.Of(() => x.PointwisePower(3).Sum(), d => x * 0).WithInput(x), seed: 51).Single();

        Assert.Equal(Enumerable.Range(0, 18).Select(k => Math.ScaleB(8, -k)), result.Steps);
        Assert.Equal(3, result.Order, 1e-9);
        Assert.True(result.IsConsistent);
    }

    [Fact]
    public void A_wrong_slope_at_a_zero_of_a_linear_function_runs_all_24_halvings_at_order_one()
    {
        // 2·Σxᵢ at 0 with gradient 3: the remainder t·|Σvᵢ| halves per halving and never nears the rounding of φ.
        var x = Vector<double>.Build.Dense(3);
        var result = GradientCheck.Taylor(Differentiable.Of(() => 2 * x.Sum(), d => Vector<double>.Build.Dense(3, 3 * d)).WithInput(x), seed: 55).Single();

        Assert.Equal(Enumerable.Range(0, 24).Select(k => Math.ScaleB(8, -k)), result.Steps);
        Assert.Equal(1, result.Order, 1e-9);
        Assert.True(result.IsWrong);
    }

    [Fact]
    public void A_linear_function_with_the_wrong_slope_has_order_one()
    {
        var x = Vector<double>.Build.Dense([0.5, -1.5, 2.0]);
        var result = GradientCheck.Taylor(Differentiable.Of(() => 2 * x.Sum(), d => Vector<double>.Build.Dense(3, 3 * d)).WithInput(x), seed: 52).Single();

        Assert.Equal(8, result.Steps[0]);
        Assert.Equal(1, result.Order, 0.05);
        Assert.True(result.IsWrong);
    }

    [Fact]
    public void A_quadratic_with_the_right_gradient_has_order_two_and_stops_at_the_rounding_floor()
    {
        var x = Vector<double>.Build.Dense([0.5, -1.5, 2.0]);
        var result = GradientCheck.Taylor(Differentiable.Of(() => x.DotProduct(x), d => 2 * d * x).WithInput(x), seed: 53).Single();

        Assert.Equal(8, result.Steps[0]);
        Assert.Equal(2, result.Order, 0.05);
        Assert.True(result.IsConsistent);
        // The remainder falls fourfold per halving until it reaches rounding (about 1e-15 of φ): well before 24 steps.
        Assert.InRange(result.Steps.Count, 3, 23);
        Assert.True(result.Remainders[^1] < 1e-12, $"last remainder {result.Remainders[^1]}");
    }

    [Fact]
    public void A_quadratic_on_a_large_offset_widens_its_first_step_until_the_remainder_clears_the_noise()
    {
        // 1e8 + ‖x‖²: at step 8 the remainder (about 1e-9) is far below the noise of φ (about 1e-5).
        var x = Vector<double>.Build.Dense([0.5, -1.5, 2.0]);
        var result = GradientCheck.Taylor(Differentiable.Of(() => 1e8 + x.DotProduct(x), d => 2 * d * x).WithInput(x), seed: 54).Single();

        Assert.True(result.Steps[0] > 8, $"first step {result.Steps[0]}");
        Assert.Equal(2, result.Order, 0.1);
        Assert.True(result.IsConsistent);
    }
}
