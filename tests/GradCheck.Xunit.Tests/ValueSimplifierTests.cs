namespace GradCheck.Xunit.Tests;

/// <summary>
/// Value shrinking goes to fewer digits at the tensor's own scale, never onto degenerate points: 0, ±½, ±1, integers,
/// another value of the same tensor, or outside the domain; every step has fewer decimal places, so shrinking ends.
/// </summary>
public class ValueSimplifierTests
{
    private static readonly ValueDomain Default = ValueDomain.Default;

    [Fact]
    public void Ordinary_values_shrink_to_fewer_decimals_and_never_onto_zero_halves_integers_or_each_other()
    {
        var random = new Random(11);
        for (var draw = 0; draw < 2000; draw++)
        {
            var values = Enumerable.Range(0, 1 + draw % 6).Select(_ => random.NextDouble() * 4 - 2).ToArray();
            if (values.Max(Math.Abs) < 0.1) continue; // a tensor of small values has a small unit (see Small_scales_keep_their_scale)
            for (var i = 0; i < values.Length; i++)
                foreach (var candidate in ValueSimplifier.Element(values, i, Default))
                {
                    Assert.True(Math.Abs(candidate - Math.Round(2 * candidate) / 2) >= 0.05, $"{candidate} is near a multiple of 1/2");
                    Assert.All(values.Where((_, j) => j != i), other => Assert.True(Math.Abs(other - candidate) >= 0.05 * 0.1));
                    Assert.True(ValueSimplifier.DecimalPlaces(candidate) < ValueSimplifier.DecimalPlaces(values[i]));
                    Assert.InRange(candidate, -2, 2);
                }
        }
    }

    [Fact]
    public void A_value_shrinks_coarsest_first()
    {
        Assert.Equal([1.8, 1.84], ValueSimplifier.Element([1.83729, -0.4], 0, Default));
        Assert.Equal([-0.8, -0.81, -0.814], ValueSimplifier.Element([-0.8137], 0, Default));
        Assert.Empty(ValueSimplifier.Element([-0.8], 0, Default));
        Assert.Empty(ValueSimplifier.Element([0.0031, 1.2], 0, Default)); // every rounding lands on 0
    }

    [Fact]
    public void A_small_spread_around_a_large_offset_is_kept()
    {
        double[] values = [1000.00372, 1000.00814, 999.99521];

        var candidates = ValueSimplifier.WholeTensor(values, ValueDomain.Between(-1e4, 1e4)).ToList();

        Assert.NotEmpty(candidates);
        foreach (var tensor in candidates)
        {
            Assert.Equal(3, tensor.Distinct().Count());
            Assert.InRange(tensor.Max() - tensor.Min(), 0.01, 0.02);
        }

        Assert.Equal([1000.004, 1000.008, 999.995], candidates[0]);
    }

    [Fact]
    public void Small_scales_keep_their_scale()
    {
        Assert.Equal([3e-5, 3.4e-5, 3.42e-5], ValueSimplifier.Element([3.4172e-5, -1.2e-5], 0, Default));
    }

    [Fact]
    public void Candidates_stay_inside_the_parameters_domain()
    {
        var awayFromZero = ValueDomain.AwayFrom(0, 0.1, 2);

        Assert.All(ValueSimplifier.Element([0.1137, 1.7], 0, awayFromZero), c => Assert.True(awayFromZero.Contains(c), $"{c}"));
        Assert.Equal([0.1, 0.11], ValueSimplifier.Element([0.1137, 1.7], 0, awayFromZero));
        Assert.Empty(ValueSimplifier.Element([1.9637, 0.5], 0, ValueDomain.Between(0.1, 1.95))); // 2, 1.96 and 1.964 are above 1.95
    }
}
