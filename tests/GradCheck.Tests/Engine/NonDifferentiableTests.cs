using GradCheck.Tests.Fixtures;

namespace GradCheck.Tests.Engine;

/// <summary>Kinks (ReLU at 0, |x| at 0, max ties) are reported as such, not as wrong gradients; a wrong value at a kink still fails.</summary>
public class NonDifferentiableTests
{
    public static TheoryData<CheckMode> Modes => new(CheckMode.Default, CheckMode.Full);

    [Theory, MemberData(nameof(Modes))]
    public void Relu_at_zero_is_non_differentiable_not_wrong(CheckMode mode)
    {
        var x = Draw.AwayFromZero(new Random(1), 3, 4);
        x[1, 2] = 0;
        var result = GradientCheck.Run(Differentiable.Of(() => Activations.ReluForward(x), d => Activations.ReluBackward(d, x)).WithInput(x),
            new CheckOptions { Mode = mode, Seed = 3 });
        Assert.Equal(Verdict.NonDifferentiable, result.Verdict);
        Assert.True(result.Passed);
        var kink = Assert.Single(result.Inputs.Single().WorstElements);
        Assert.Equal((1, 2), (kink.Row, kink.Column));
        Assert.Contains("on a kink", result.Report);
    }

    [Fact]
    public void Absolute_value_at_zero_is_non_differentiable()
    {
        var x = Vector<double>.Build.Dense([0.7, 0.0, -1.2]);
        var result = GradientCheck.Run(Differentiable.Of(() => x.PointwiseAbs().Sum(), d => x.Map(v => d * Math.Sign(v))).WithInput(x),
            new CheckOptions { Mode = CheckMode.Full });
        Assert.Equal(Verdict.NonDifferentiable, result.Verdict);
        Assert.Equal(1, result.Inputs.Single().NonDifferentiableElementCount);
    }

    [Fact]
    public void Max_with_a_tie_is_non_differentiable()
    {
        var x = Vector<double>.Build.Dense([0.3, 2.0, 2.0, -1.0]);
        var result = GradientCheck.Run(Differentiable.Of(() => x.Maximum(), d =>
            {
                var g = Vector<double>.Build.Dense(x.Count);
                g[x.MaximumIndex()] = d;
                return g;
            }).WithInput(x), new CheckOptions { Mode = CheckMode.Full });
        Assert.Equal(Verdict.NonDifferentiable, result.Verdict);
    }

    [Fact]
    public void A_value_outside_the_one_sided_slopes_at_a_kink_still_fails()
    {
        var x = Vector<double>.Build.Dense([0.7, 0.0, -1.2]);
        var result = GradientCheck.Run(Differentiable.Of(() => x.PointwiseAbs().Sum(), d => x.Map(v => v == 0 ? 5.0 : d * Math.Sign(v))).WithInput(x),
            new CheckOptions { Mode = CheckMode.Full });
        Assert.Equal(Verdict.Failed, result.Verdict);
        Assert.Equal(1, result.Inputs.Single().WorstElements.Single().Row);
    }

    [Theory, MemberData(nameof(Modes))]
    public void A_max_tie_whose_gradient_goes_to_both_slots_fails_although_each_element_alone_is_a_one_sided_slope(CheckMode mode)
    {
        // Each slot's analytic value 1 is one of its one-sided slopes, but along any direction moving both up the max
        // moves by the larger move, not by the sum: jointly the gradient is no one-sided derivative.
        var x = Vector<double>.Build.Dense([0.3, 2.0, 2.0, -1.0]);
        var result = GradientCheck.Run(Differentiable.Of(() => x.Maximum(), d => x.Map(v => v == 2.0 ? d : 0.0)).WithInput(x),
            new CheckOptions { Mode = mode, Seed = 5 });
        Assert.Equal(Verdict.Failed, result.Verdict);
        var evidence = Assert.Single(result.Inputs).FailedDirections;
        Assert.NotEmpty(evidence);
        Assert.All(evidence, d => Assert.True(d.LowerSlope is not null && (d.Analytic < d.LowerSlope || d.Analytic > d.UpperSlope), d.ToString()));
    }

    [Theory, MemberData(nameof(Modes))]
    public void A_correct_relu_with_every_input_on_its_kink_is_non_differentiable_whatever_the_upstream_signs(CheckMode mode)
    {
        // Upstream weights of both signs make some kinks convex and others concave: along a direction that moves some
        // inputs up and others down, no one-sided slope brackets the correct ⟨g, v⟩, and that must not read as a bug.
        var x = Matrix<double>.Build.Dense(3, 4);
        for (var seed = 0; seed < 20; seed++)
        {
            var result = GradientCheck.Run(Differentiable.Of(() => Activations.ReluForward(x), d => Activations.ReluBackward(d, x)).WithInput(x),
                new CheckOptions { Mode = mode, Seed = seed });
            Assert.Equal(Verdict.NonDifferentiable, result.Verdict);
        }
    }

    [Theory, MemberData(nameof(Modes))]
    public void A_kink_that_fades_as_the_step_shrinks_is_no_kink(CheckMode mode)
    {
        // ReLU inputs a hair away from 0: wider steps cross the kink, narrower ones do not, and the gradient is right.
        var x = Matrix<double>.Build.Dense(2, 3, (r, c) => (r - 0.5) * (c + 1) * 1e-9);
        var result = GradientCheck.Run(Differentiable.Of(() => Activations.ReluForward(x), d => Activations.ReluBackward(d, x)).WithInput(x),
            new CheckOptions { Mode = mode, Seed = 2 });
        Assert.Equal(Verdict.Passed, result.Verdict);
    }

    [Theory, MemberData(nameof(Modes))]
    public void A_kink_only_the_wider_steps_cross_is_no_kink_even_with_nothing_to_borrow_a_scale_from(CheckMode mode)
    {
        // Every gradient is zero, so the first step is on the unit scale and crosses the kink a hair away; finer steps do not.
        var x = Vector<double>.Build.Dense([-1e-9, -3e-9]);
        var correct = GradientCheck.Run(Differentiable.Of(() => x.Map(v => Math.Max(0, v)).Sum(), d => x.Map(v => v > 0 ? d : 0.0)).WithInput(x),
            new CheckOptions { Mode = mode, Seed = 2 });
        Assert.Equal(Verdict.Passed, correct.Verdict);

        var wrong = GradientCheck.Run(Differentiable.Of(() => x.Map(v => Math.Max(0, v)).Sum(), d => x.Map(_ => 0.5 * d)).WithInput(x),
            new CheckOptions { Mode = mode, Seed = 2 });
        Assert.Equal(Verdict.Failed, wrong.Verdict);
    }

    [Fact]
    public void The_Taylor_test_at_a_kink_says_non_differentiable_not_wrong()
    {
        var x = Vector<double>.Build.Dense([0.0]);
        var relu = GradientCheck.Taylor(Differentiable.Of(() => Math.Max(0, x[0]), d => Vector<double>.Build.Dense([x[0] > 0 ? d : 0])).WithInput(x), seed: 1);
        Assert.Equal(TaylorVerdict.NonDifferentiable, Assert.Single(relu).Verdict);
        Assert.Contains("non-differentiable here", relu[0].ToString());

        var away = Vector<double>.Build.Dense([0.5]);
        var smooth = GradientCheck.Taylor(
            Differentiable.Of(() => Math.Max(0, away[0]) * away[0], d => Vector<double>.Build.Dense([2 * away[0] * d])).WithInput(away), seed: 1);
        Assert.Equal(TaylorVerdict.Consistent, Assert.Single(smooth).Verdict);
    }
}
