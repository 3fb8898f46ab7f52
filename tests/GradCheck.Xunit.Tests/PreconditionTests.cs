using GradCheck.Xunit.Tests.Fixtures;
using GradCheck.Xunit.Tests.Infrastructure;

namespace GradCheck.Xunit.Tests;

/// <summary>
/// Preconditions: [Require] relations between sizes, Sample.Require and Sample.Discard for relations between values.
/// Samples that break them are never checked, are counted by reason, and are never taken while shrinking; misuse names
/// the attribute or the parameter.
/// </summary>
public class PreconditionTests
{
    [Fact]
    public void Sizes_breaking_a_required_relation_are_discarded_with_the_relation_as_reason()
    {
        var result = GradientProperty.Run(typeof(PreconditionProperties), nameof(PreconditionProperties.ValidConvolution),
            Cancellable.Options(new PropertyOptions { Samples = 60 }));

        Assert.True(result.Passed, result.Message);
        Assert.Equal(60, result.PassedSamples);
        Assert.True(result.DiscardReasons.GetValueOrDefault("not meeting [Require(\"L >= K\")]") > 0, result.Message);
        Assert.Contains("not meeting [Require(\"L >= K\")]", result.Message);
    }

    [Fact]
    public void A_failure_shrinks_only_to_sizes_that_meet_every_required_relation()
    {
        var result = GradientProperty.Run(typeof(PreconditionProperties), nameof(PreconditionProperties.ConvolutionWithDoubledKernelGradient),
            Cancellable.Options());

        Assert.Equal(PropertyVerdict.Failed, result.Verdict);
        var (n, l, k) = (result.ShrunkSizes["N"], result.ShrunkSizes["L"], result.ShrunkSizes["K"]);
        Assert.True(l >= k + 1 && n * l <= 40, result.Message);
        // The smallest sizes meeting L ≥ K + 1 that keep the bug's character: a kernel of one element cannot show the
        // factor 2 that a larger first failing sample may have been diagnosed with.
        var diagnosedAsFactor = result.OriginalCheck!.Inputs.Single(i => i.Name == "w").Diagnosis?.Kind == DiagnosisKind.ConstantFactor;
        Assert.Equal(diagnosedAsFactor ? (1, 3, 2) : (1, 2, 1), (n, l, k));
        Assert.Equal("w", Assert.Single(result.Check!.Inputs, i => i.Verdict == Verdict.Failed).Name);
    }

    [Fact]
    public void A_relation_of_sizes_may_compare_with_zero()
    {
        var result = GradientProperty.Run(typeof(PreconditionProperties), nameof(PreconditionProperties.ZeroBound),
            Cancellable.Options(new PropertyOptions { Samples = 30 }));

        Assert.True(result.Passed, result.Message);
    }

    [Fact]
    public void Samples_discarded_from_inside_the_method_are_counted_by_their_reason()
    {
        var result = GradientProperty.Run(typeof(PreconditionProperties), nameof(PreconditionProperties.DistinctRows),
            Cancellable.Options(new PropertyOptions { Samples = 50 }));

        Assert.True(result.Passed, result.Message);
        Assert.True(result.DiscardReasons.GetValueOrDefault("by the test: a single row") > 0, result.Message);
        Assert.True(result.DiscardReasons.GetValueOrDefault("by the test: first two rows close in column 0") > 0, result.Message);
        Assert.Equal(result.DiscardedSamples, result.DiscardReasons.Values.Sum());
    }

    [Fact]
    public void A_discard_from_inside_the_forward_pass_is_a_discard_not_a_fault()
    {
        var result = GradientProperty.Run(typeof(PreconditionProperties), nameof(PreconditionProperties.DiscardsInTheForwardPass),
            Cancellable.Options(new PropertyOptions { Samples = 30 }));

        Assert.True(result.Passed, result.Message);
        Assert.True(result.DiscardReasons.GetValueOrDefault("by the test: x[0, 0] not positive") > 0, result.Message);
    }

    [Fact]
    public void A_method_discarding_every_sample_gives_up_with_its_reason()
    {
        var result = GradientProperty.Run(typeof(PreconditionProperties), nameof(PreconditionProperties.DiscardsEverything),
            Cancellable.Options(new PropertyOptions { Samples = 5, MaxDiscarded = 20 }));

        Assert.Equal(PropertyVerdict.Exhausted, result.Verdict);
        Assert.Contains("by the test: nothing fits", result.Message);
    }

    [Theory]
    [InlineData(nameof(PreconditionProperties.NoRelation),
        "[Require(\"L => K\")] is not a relation between two sizes: write one relation between two sizes, such as \"L >= K\" (>=, <=, ==, !=, >, <)")]
    [InlineData(nameof(PreconditionProperties.UnknownSymbol),
        "[Require(\"L >= Q\")] names the size symbol 'Q', which no [Shape] of the method declares (it declares N, L)")]
    [InlineData(nameof(PreconditionProperties.TwoRelations), "[Require(\"L >= N >= 2\")] has more than one relation")]
    [InlineData(nameof(PreconditionProperties.MalformedSide), "[Require(\"L >= (N\")]: its right side \"(N\"")]
    public void A_malformed_relation_makes_the_property_invalid_naming_the_attribute(string method, string expected)
    {
        var result = GradientProperty.Run(typeof(PreconditionProperties), method, Cancellable.Options());

        Assert.Equal(PropertyVerdict.Invalid, result.Verdict);
        Assert.Contains(expected, result.Message);
    }

    [Fact]
    public void A_blank_discard_reason_fails_the_sample_naming_the_parameter()
    {
        var result = GradientProperty.Run(typeof(PreconditionProperties), nameof(PreconditionProperties.BlankReason), Cancellable.Options());

        Assert.Equal(PropertyVerdict.Failed, result.Verdict);
        Assert.IsType<ArgumentException>(result.Exception);
        Assert.Contains("(Parameter 'reason')", result.Message);
    }

    [Fact]
    public void Outside_a_property_a_discard_fails_with_a_message_that_says_so()
    {
        var exception = Assert.Throws<SampleDiscardedException>(() => Sample.Discard("no reason to run"));

        Assert.Equal("no reason to run", exception.Reason);
        Assert.Contains("Only a [GradCheck] property or GradientProperty.Run catches this", exception.Message);
        Sample.Require(true, "never discarded");
    }
}
