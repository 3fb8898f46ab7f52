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
}
