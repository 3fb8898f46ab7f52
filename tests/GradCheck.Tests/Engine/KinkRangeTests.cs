namespace GradCheck.Tests.Engine;

/// <summary>
/// At a kink the analytic value must lie between the one-sided slopes, widened by how much those slopes still move
/// between the two finest steps (the curvature on each side): |x| − 1000x² at 0 has one-sided slopes 1 − 1000t and
/// −1 + 1000t at step t, so its one-sided derivatives ±1 lie just outside them and are accepted only thanks to that widening.
/// </summary>
public class KinkRangeTests
{
    private static Verdict CheckAtKink(double analytic)
    {
        var x = Vector<double>.Build.Dense([0.0]);
        return GradientCheck.Run(Differentiable.Of(() => Math.Abs(x[0]) - 1000 * x[0] * x[0], d => Vector<double>.Build.Dense([d * analytic])).WithInput(x),
            new CheckOptions { Mode = CheckMode.Full, Seed = 41 }).Verdict;
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void A_one_sided_slope_or_a_value_between_them_is_non_differentiable(double analytic) =>
        Assert.Equal(Verdict.NonDifferentiable, CheckAtKink(analytic));

    [Theory]
    [InlineData(-1.05)]
    [InlineData(1.05)]
    public void A_value_beyond_the_widened_slopes_fails(double analytic) => Assert.Equal(Verdict.Failed, CheckAtKink(analytic));
}
