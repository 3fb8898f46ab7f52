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
        var result = GradCheckProperty.Check(typeof(DomainProperties), method, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.Passed, result.Message);
        Assert.Equal(0, result.DiscardedSamples);
    }

    [Fact]
    public void Without_a_domain_log_fails_with_a_hint()
    {
        var result = GradCheckProperty.Check(typeof(DomainProperties), nameof(DomainProperties.LogOfAnything),
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(PropertyOutcome.Failed, result.Outcome);
        Assert.Contains("[Positive]", result.Message);
    }

    [Fact]
    public void Samples_on_a_kink_are_discarded_with_a_counted_reason_not_failed()
    {
        var result = GradCheckProperty.Check(typeof(DomainProperties), nameof(DomainProperties.ReluOnKink),
            new GradCheckSettings { Samples = 5, MaxDiscarded = 10 }, TestContext.Current.CancellationToken);

        Assert.Equal(PropertyOutcome.Exhausted, result.Outcome);
        Assert.True(result.DiscardReasons["on a kink of 'x'"] >= 10, result.Message);
        Assert.Contains("on a kink of 'x'", result.Message);
    }
}
