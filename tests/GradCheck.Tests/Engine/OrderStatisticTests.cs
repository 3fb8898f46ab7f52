namespace GradCheck.Tests.Engine;

/// <summary>The selection that picks each input's median element length agrees with a sort, ties and all.</summary>
public class OrderStatisticTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1000)]
    [InlineData(7, 3)]
    [InlineData(64, 5)]
    [InlineData(1001, 1_000_000)]
    public void Every_rank_is_the_element_a_sort_puts_there(int count, int distinctValues)
    {
        var random = new Random(count * 31 + distinctValues);
        for (var draw = 0; draw < 20; draw++)
        {
            // Few distinct values make long runs of ties, the case a careless partition loops on or gets wrong.
            var values = Enumerable.Range(0, count).Select(_ => (double)random.Next(distinctValues) / 7).ToArray();
            var sorted = values.OrderBy(v => v).ToArray();
            for (var k = 0; k < count; k += Math.Max(1, count / 50))
                Assert.Equal(sorted[k], OrderStatistic.Select((double[])values.Clone(), count, k));
        }
    }

    [Fact]
    public void Only_the_first_count_values_take_part()
    {
        double[] values = [5, 1, 3, -100, -200];
        Assert.Equal(3, OrderStatistic.Select(values, 3, 1));
        Assert.Equal([-100.0, -200.0], values[3..]);
    }

    [Fact]
    public void A_rank_outside_the_values_names_the_argument()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => OrderStatistic.Select([1.0, 2.0], 2, 2));
        Assert.Equal("k", error.ParamName);
    }
}
