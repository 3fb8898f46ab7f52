using GradCheck.Xunit.Tests.Fixtures;
using GradCheck.Xunit.Tests.Infrastructure;

namespace GradCheck.Xunit.Tests;

/// <summary>
/// What a property drew — each dim's sizes and how often, each parameter's value range, the discards by reason — is typed
/// in PropertyResult.Statistics, printed on failure always and on success with Verbose; a pass always names the sizes'
/// ranges, so a property that never drew N above 3 shows it.
/// </summary>
public class StatisticsTests
{
    [Fact]
    public void The_statistics_count_every_checked_sample_by_size_and_bound_every_value()
    {
        var result = GradientProperty.Run(typeof(AffineProperties), nameof(AffineProperties.Correct),
            Cancellable.Options(new PropertyOptions { Samples = 60 }));

        Assert.True(result.Passed, result.Message);
        var statistics = result.Statistics;
        Assert.Equal(60, statistics.CheckedSamples);
        Assert.Equal(["N", "D", "M"], statistics.Sizes.Select(s => s.Dim));
        foreach (var size in statistics.Sizes)
        {
            Assert.Equal(60, size.Counts.Values.Sum());
            Assert.InRange(size.Minimum, 1, 2);
            Assert.InRange(size.Maximum, 8, 16); // sizes grow with FsCheck's size up to MaxDimension
        }

        Assert.Equal(["x", "w", "b"], statistics.Values.Select(v => v.Parameter));
        Assert.All(statistics.Values, v => Assert.True(v.Minimum >= -2 && v.Maximum <= 2 && v.Minimum < -1.5 && v.Maximum > 1.5, v.ToString()));
        Assert.Equal(statistics.Size("N").Maximum, statistics.Sizes[0].Maximum);
    }

    [Fact]
    public void A_pass_names_the_largest_sizes_drawn_so_small_ones_are_visible()
    {
        var result = GradientProperty.Run(typeof(AffineProperties), nameof(AffineProperties.Correct),
            Cancellable.Options(new PropertyOptions { Samples = 20, MaxDimension = 3 }));

        Assert.True(result.Passed, result.Message);
        Assert.Equal(3, result.Statistics.Sizes.Max(s => s.Maximum));
        Assert.Matches(@"passed 20 samples \(none discarded\); sizes N 1\.\.3, D 1\.\.3, M 1\.\.3\.$", result.Message);
        Assert.DoesNotContain("Drawn over", result.Message);
    }

    [Fact]
    public void With_Verbose_a_pass_prints_the_statistics_too()
    {
        var result = GradientProperty.Run(typeof(AffineProperties), nameof(AffineProperties.Correct),
            Cancellable.Options(new PropertyOptions { Samples = 20, Verbose = true }));

        Assert.True(result.Passed, result.Message);
        Assert.Contains("Drawn over 20 checked samples:", result.Message);
        Assert.Contains($"  N  {result.Statistics.Size("N")}", result.Message);
        Assert.Contains($"  x  in [", result.Message);
    }

    [Fact]
    public void Derived_dims_are_counted_beside_the_symbols_and_discards_are_not()
    {
        var result = GradientProperty.Run(typeof(DimGrammarProperties), nameof(DimGrammarProperties.ValidConvolution),
            Cancellable.Options(new PropertyOptions { Samples = 40, Verbose = true }));

        Assert.True(result.Passed, result.Message);
        var derived = result.Statistics.Size("L-K+1");
        Assert.Equal(40, derived.Counts.Values.Sum());
        Assert.True(derived.Minimum >= 1, "a derived size below 1 was counted as checked");
        Assert.True(result.DiscardedSamples > 0);
        Assert.Contains("  L-K+1  ", result.Message);
        Assert.Throws<KeyNotFoundException>(() => result.Statistics.Size("Q"));
    }

    [Fact]
    public void A_failure_always_prints_the_statistics_of_the_samples_it_checked_not_of_its_shrink_candidates()
    {
        var result = GradientProperty.Run(typeof(AffineProperties), nameof(AffineProperties.WeightGradientDoubled), Cancellable.Options());

        Assert.Equal(PropertyVerdict.Failed, result.Verdict);
        Assert.Equal(result.PassedSamples + 1, result.Statistics.CheckedSamples);
        Assert.Contains($"Drawn over {result.Statistics.CheckedSamples} checked sample", result.Message);
        Assert.True(result.Message.IndexOf("Drawn over", StringComparison.Ordinal) < result.Message.IndexOf("Replay: [GradCheck", StringComparison.Ordinal));
    }

    [Fact]
    public void A_property_that_gives_up_prints_what_it_drew()
    {
        var result = GradientProperty.Run(typeof(PreconditionProperties), nameof(PreconditionProperties.DiscardsEverything),
            Cancellable.Options(new PropertyOptions { Samples = 5, MaxDiscarded = 10 }));

        Assert.Equal(PropertyVerdict.Exhausted, result.Verdict);
        Assert.Equal(0, result.Statistics.CheckedSamples);
        Assert.Contains("Drawn over 0 checked samples:", result.Message);
        Assert.Contains("  N  none checked", result.Message);
    }
}
