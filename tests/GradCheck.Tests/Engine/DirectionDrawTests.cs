namespace GradCheck.Tests.Engine;

/// <summary>The draws behind every direction: signs even, magnitudes spread over [0.5, 1.5), reproducible from the check's seed.</summary>
public class DirectionDrawTests
{
    [Fact]
    public void Signs_are_even_and_magnitudes_fill_the_interval()
    {
        var draw = DirectionDraw.From(new Random(1));
        var (negative, buckets) = (0, new int[10]);
        const int count = 100_000;
        for (var i = 0; i < count; i++)
        {
            var value = draw.NextSignedMagnitude();
            var magnitude = Math.Abs(value);
            Assert.InRange(magnitude, 0.5, 1.5 - 1e-16);
            if (value < 0) negative++;
            buckets[(int)((magnitude - 0.5) * 10)]++;
        }

        Assert.InRange(negative, count / 2 - 1000, count / 2 + 1000);
        Assert.All(buckets, b => Assert.InRange(b, count / 10 - 600, count / 10 + 600));
    }

    [Fact]
    public void The_same_seed_draws_the_same_direction_and_another_seed_another()
    {
        static double[] Draws(int seed)
        {
            var draw = DirectionDraw.From(new Random(seed));
            return Enumerable.Range(0, 8).Select(_ => draw.NextSignedMagnitude()).ToArray();
        }

        Assert.Equal(Draws(3), Draws(3));
        Assert.NotEqual(Draws(3), Draws(4));
    }
}
