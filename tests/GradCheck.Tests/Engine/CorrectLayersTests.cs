using GradCheck.Tests.Fixtures;

namespace GradCheck.Tests.Engine;

/// <summary>No false alarms: correct gradients of common layers pass at default settings on many random draws.</summary>
public class CorrectLayersTests
{
    [Theory]
    [MemberData(nameof(LayerCatalog.Names), MemberType = typeof(LayerCatalog))]
    public void Correct_layer_passes_on_100_random_draws_in_default_mode(string layer) =>
        AssertAllPass(layer, draws: 100, CheckOptions.Default);

    [Theory]
    [MemberData(nameof(LayerCatalog.Names), MemberType = typeof(LayerCatalog))]
    public void Correct_layer_passes_on_30_random_draws_in_full_mode(string layer) =>
        AssertAllPass(layer, draws: 30, new CheckOptions { Mode = CheckMode.Full });

    private static void AssertAllPass(string layer, int draws, CheckOptions options)
    {
        var random = new Random(StableSeed(layer) + draws);
        for (var draw = 0; draw < draws; draw++)
        {
            var result = GradientCheck.Run(LayerCatalog.Correct[layer](random), options with { Seed = draw });
            Assert.True(result.Verdict == Verdict.Passed, $"draw {draw} of {layer}:\n{result.Report}");
        }
    }

    private static int StableSeed(string text) => text.Aggregate(17, (hash, c) => unchecked(hash * 31 + c));
}
