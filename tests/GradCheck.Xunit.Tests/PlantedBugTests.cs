using GradCheck.TestInfrastructure.PlantedBugs;
using GradCheck.Xunit.Tests.Fixtures;
using GradCheck.Xunit.Tests.Infrastructure;

namespace GradCheck.Xunit.Tests;

/// <summary>The affine layer passes over 100 samples; each planted bug fails and shrinks to the smallest sizes revealing it.</summary>
public class PlantedBugTests
{
    private static readonly PropertyOptions Settings = new() { Replay = "12345,6789,50" };

    [Fact]
    public void The_correct_layer_passes_over_at_least_100_samples()
    {
        var result = GradientProperty.Run(typeof(AffineProperties), nameof(AffineProperties.Correct), Cancellable.Options());

        Assert.True(result.Passed, result.Message);
        Assert.True(result.PassedSamples >= 100, $"only {result.PassedSamples} samples");
        Assert.Contains("passed 100 samples", result.Message);
    }

    [Theory]
    [InlineData(nameof(AffineProperties.InputGradientNotTransposed))]
    [InlineData(nameof(AffineProperties.BiasGradientFromFirstRow))]
    [InlineData(nameof(AffineProperties.InputGradientSignFlipped))]
    [InlineData(nameof(AffineProperties.WeightGradientDoubled))]
    public void A_planted_bug_fails_and_shrinks_to_the_smallest_revealing_sizes(string bug)
    {
        var result = GradientProperty.Run(typeof(AffineProperties), bug, Cancellable.Options(Settings));

        Assert.Equal(PropertyVerdict.Failed, result.Verdict);
        var smallest = SmallestRevealingSizes.TotalFor(Backward(bug));
        Assert.True(result.ShrunkSizes.Values.Sum() <= smallest,
            $"shrunk to {string.Join(", ", result.ShrunkSizes)}; sizes totalling {smallest} already reveal it.\n{result.Message}");
        Assert.Equal(["N", "D", "M"], result.ShrunkSizes.Keys);
        Assert.Contains("Shrunk sizes: N = ", result.Message);
        Assert.Contains("Replay: [GradCheck(Replay = \"", result.Message);
    }

    [Fact]
    public void The_failure_carries_the_engines_report_and_diagnosis()
    {
        var result = GradientProperty.Run(typeof(AffineProperties), nameof(AffineProperties.InputGradientSignFlipped), Cancellable.Options(Settings));
        TestContext.Current.TestOutputHelper?.WriteLine(result.Message);

        Assert.NotNull(result.Check);
        Assert.Equal(Verdict.Failed, result.Check.Verdict);
        // The engine's own replay line is left out: the property prints the one that replays the whole sample.
        var report = result.Check.Report;
        Assert.Contains(report[..report.IndexOf("Replay: CheckOptions", StringComparison.Ordinal)].TrimEnd(), result.Message);
        Assert.DoesNotContain("Replay: CheckOptions", result.Message);
        Assert.Contains("Input 'x'", result.Message);
    }

    private static AffineBackwardBugs.Backward Backward(string bug) => bug switch
    {
        nameof(AffineProperties.InputGradientNotTransposed) => AffineBackwardBugs.InputGradientNotTransposed,
        nameof(AffineProperties.BiasGradientFromFirstRow) => AffineBackwardBugs.BiasGradientFromFirstRow,
        nameof(AffineProperties.InputGradientSignFlipped) => AffineBackwardBugs.InputGradientSignFlipped,
        _ => AffineBackwardBugs.WeightGradientDoubled,
    };
}
