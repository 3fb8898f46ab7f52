using GradCheck.Xunit.Tests.Infrastructure;
using GradCheck.Xunit.Tests.Fixtures;

namespace GradCheck.Xunit.Tests;

/// <summary>The replay setting a failure prints reproduces the same shrunk failure.</summary>
public class ReplayTests
{
    [Theory]
    [InlineData(nameof(AffineProperties.BiasGradientFromFirstRow))]
    [InlineData(nameof(AffineProperties.WeightGradientDoubled))]
    public void Replaying_the_printed_setting_reproduces_the_same_failure(string bug)
    {
        var first = GradientProperty.Run(typeof(AffineProperties), bug, Cancellable.Options());
        Assert.Equal(PropertyVerdict.Failed, first.Verdict);

        var replayed = GradientProperty.Run(typeof(AffineProperties), bug, Cancellable.Options(new PropertyOptions { Replay = first.Replay }));

        Assert.Equal(PropertyVerdict.Failed, replayed.Verdict);
        Assert.Equal(0, replayed.PassedSamples); // the replay starts at the failing sample
        Assert.Equal(first.OriginalSizes, replayed.OriginalSizes);
        Assert.Equal(first.ShrunkSizes, replayed.ShrunkSizes);
        Assert.Equal(first.Check?.Report, replayed.Check?.Report);
    }

    [Fact]
    public void A_malformed_replay_string_is_a_clear_failure()
    {
        var result = GradientProperty.Run(typeof(AffineProperties), nameof(AffineProperties.Correct),
            Cancellable.Options(new PropertyOptions { Replay = "12,4" }));

        Assert.Equal(PropertyVerdict.Invalid, result.Verdict);
        Assert.Contains("odd gamma", result.Message);
    }
}
