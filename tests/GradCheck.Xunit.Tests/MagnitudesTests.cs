using GradCheck.Xunit.Tests.Fixtures;
using GradCheck.Xunit.Tests.Infrastructure;

namespace GradCheck.Xunit.Tests;

/// <summary>
/// [Magnitudes] draws what it says — per tensor ordinary values, a large offset with a small spread, or a scale from
/// 1e-4 to 1e4 — and a correct layer passes under it.
/// </summary>
public class MagnitudesTests
{
    [Fact]
    public void The_domain_draws_offsets_with_small_spreads_tiny_and_huge_scales_and_ordinary_values()
    {
        MagnitudeProperties.Drawn.Clear();

        var result = GradientProperty.Run(typeof(MagnitudeProperties), nameof(MagnitudeProperties.Records),
            Cancellable.Options(new PropertyOptions { Samples = 300, Replay = "2718,2819" }));

        Assert.True(result.Passed, result.Message);
        var drawn = MagnitudeProperties.Drawn.Where(d => d.Spread > 0).ToList(); // tensors of two elements or more
        // An offset tensor: a mean far beyond its spread (a scaled tensor with a large mean has a spread as large).
        var offsets = drawn.Where(d => Math.Abs(d.Mean) >= 10 && d.Spread <= 1).ToList();
        Assert.NotEmpty(offsets);
        Assert.All(offsets, d => Assert.InRange(Math.Abs(d.Mean), 99, 1001));   // offsets from 1e2 to 1e3
        Assert.Contains(offsets, d => d.Spread < 0.05);                          // spreads down to 1e-2
        Assert.Contains(drawn, d => d.Largest < 1e-3);                           // small scales
        Assert.Contains(drawn, d => d.Largest > 1e3 && Math.Abs(d.Mean) < 100);  // large scales
        Assert.Contains(drawn, d => d.Largest is > 0.5 and <= 2);                // ordinary values
        Assert.InRange(offsets.Count, drawn.Count / 6, drawn.Count / 2);         // a third of them, roughly
        var statistics = result.Statistics.Value("x");
        Assert.True(statistics.SmallestSpread < 0.05 && statistics.LargestMagnitude > 1e3 && statistics.SmallestMagnitude < 1e-4, statistics.ToString());
    }

    [Fact]
    public void A_correct_affine_layer_passes_under_magnitudes()
    {
        var result = GradientProperty.Run(typeof(MagnitudeProperties), nameof(MagnitudeProperties.Affine),
            Cancellable.Options(new PropertyOptions { Samples = 200, Verbose = true }));

        Assert.True(result.Passed, result.Message);
    }

    [Fact]
    public void A_correct_layer_norm_passes_under_magnitudes()
    {
        var result = GradientProperty.Run(typeof(MagnitudeProperties), nameof(MagnitudeProperties.LayerNorm),
            Cancellable.Options(new PropertyOptions { Samples = 200 }));

        Assert.True(result.Passed, result.Message);
    }

    [Theory]
    [InlineData(nameof(MagnitudeProperties.BadScales), "Parameter 'v': [Magnitudes] needs 0 < MinScale ≤ MaxScale (they are 10 and 1).")]
    [InlineData(nameof(MagnitudeProperties.BadSpread), "Parameter 'v': [Magnitudes] needs 0 < MinSpread ≤ 1 (it is 0).")]
    public void Magnitudes_that_cannot_be_drawn_make_the_property_invalid_naming_the_parameter(string method, string expected)
    {
        var result = GradientProperty.Run(typeof(MagnitudeProperties), method, Cancellable.Options());

        Assert.Equal(PropertyVerdict.Invalid, result.Verdict);
        Assert.Contains(expected, result.Message);
    }
}
