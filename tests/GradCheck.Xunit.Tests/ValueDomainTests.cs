using GradCheck.Parameters;
using GradCheck.Xunit.Tests.Infrastructure;
using GradCheck.Xunit.Tests.Fixtures;

namespace GradCheck.Xunit.Tests;

/// <summary>Value-domain attributes keep inputs where the function is defined and differentiable; kinks are discarded and counted.</summary>
public class ValueDomainTests
{
    [Theory]
    [InlineData(nameof(DomainProperties.LogOfPositive))]
    [InlineData(nameof(DomainProperties.ReluAwayFromKink))]
    [InlineData(nameof(DomainProperties.SqrtInRange))]
    public void A_layer_passes_inside_its_domain(string method)
    {
        var result = GradientProperty.Run(typeof(DomainProperties), method, Cancellable.Options());

        Assert.True(result.Passed, result.Message);
        Assert.Equal(0, result.DiscardedSamples);
    }

    [Fact]
    public void Without_a_domain_log_fails_with_a_hint()
    {
        var result = GradientProperty.Run(typeof(DomainProperties), nameof(DomainProperties.LogOfAnything), Cancellable.Options());

        Assert.Equal(PropertyVerdict.Failed, result.Verdict);
        Assert.Contains("[Positive]", result.Message);
    }

    [Fact]
    public void Samples_on_a_kink_are_discarded_with_a_counted_reason_not_failed()
    {
        var result = GradientProperty.Run(typeof(DomainProperties), nameof(DomainProperties.ReluOnKink),
            Cancellable.Options(new PropertyOptions { Samples = 5, MaxDiscarded = 10 }));

        Assert.True(result.Verdict == PropertyVerdict.Exhausted, result.Message);
        Assert.True(result.DiscardReasons["on a kink of 'x'"] >= 10, result.Message);
        Assert.Contains("on a kink of 'x'", result.Message);
    }
}
