using GradCheck.Xunit.Tests.Fixtures;

namespace GradCheck.Xunit.Tests;

/// <summary>The replay setting a failure prints reproduces the same shrunk failure.</summary>
public class ReplayTests
{
    [Theory]
    [InlineData(nameof(AffineProperties.BiasNotSummed))]
    [InlineData(nameof(AffineProperties.FactorTwo))]
    public void Replaying_the_printed_setting_reproduces_the_same_failure(string bug)
    {
        var first = GradCheckProperty.Check(typeof(AffineProperties), bug, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(PropertyOutcome.Failed, first.Outcome);

        var replayed = GradCheckProperty.Check(typeof(AffineProperties), bug, new GradCheckSettings { Replay = first.Replay }, TestContext.Current.CancellationToken);

        Assert.Equal(PropertyOutcome.Failed, replayed.Outcome);
        Assert.Equal(0, replayed.PassedSamples); // the replay starts at the failing sample
        Assert.Equal(first.OriginalSizes, replayed.OriginalSizes);
        Assert.Equal(first.ShrunkSizes, replayed.ShrunkSizes);
        Assert.Equal(first.Check?.Report, replayed.Check?.Report);
    }

    [Fact]
    public void A_malformed_replay_string_is_a_clear_failure()
    {
        var result = GradCheckProperty.Check(typeof(AffineProperties), nameof(AffineProperties.Correct), new GradCheckSettings { Replay = "12,4" }, TestContext.Current.CancellationToken);

        Assert.Equal(PropertyOutcome.Invalid, result.Outcome);
        Assert.Contains("odd gamma", result.Message);
    }
}
