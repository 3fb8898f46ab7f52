using GradCheck.Tests.Fixtures;

namespace GradCheck.Tests.Engine;

/// <summary>
/// Forward passes reproducible only to rounding (a reduction summed in a different order at each call, as parallel
/// reductions are): refused by default, checked with <see cref="CheckOptions.NondeterminismTolerance"/>, the measured
/// spread folded into the error estimate.
/// </summary>
public class NondeterminismToleranceTests
{
    /// <summary>y = x·W with every output summed in a freshly shuffled order at each call.</summary>
    private static Differentiable ShuffledProduct(int seed, double planted = 0)
    {
        var random = new Random(seed);
        var (x, w) = (Draw.Matrix(random, 4, 6), Draw.Matrix(random, 6, 3));
        var order = new Random(seed + 1);
        return Differentiable.Of(() => Matrix<double>.Build.Dense(x.RowCount, w.ColumnCount, (r, c) =>
                    Enumerable.Range(0, x.ColumnCount).OrderBy(_ => order.Next()).Sum(k => x[r, k] * w[k, c] * 1e3) / 1e3),
                dy => (dy * w.Transpose(), x.TransposeThisAndMultiply(dy) * (1 + planted)))
            .WithInput(x).WithInput(w);
    }

    [Fact]
    public void A_forward_reproducible_only_to_rounding_is_refused_by_default_with_the_option_named()
    {
        var result = GradientCheck.Run(ShuffledProduct(1), new CheckOptions { Seed = 1 });
        Assert.Equal(Verdict.Invalid, result.Verdict);
        Assert.Equal(FaultKind.NonDeterministicForward, result.Fault!.Kind);
        Assert.Contains("NondeterminismTolerance", result.Fault.Message);
    }

    [Fact]
    public void With_a_tolerance_the_correct_layer_passes_and_a_one_percent_error_fails_on_every_draw()
    {
        var options = new CheckOptions { NondeterminismTolerance = 1e-12 };
        for (var seed = 0; seed < 20; seed++)
        {
            Assert.Equal(Verdict.Passed, GradientCheck.Run(ShuffledProduct(seed), options with { Seed = seed }).Verdict);
            var wrong = GradientCheck.Run(ShuffledProduct(seed, planted: 1e-2), options with { Seed = seed });
            Assert.Equal(Verdict.Failed, wrong.Verdict);
            Assert.Equal(Verdict.Failed, wrong.Inputs[1].Verdict);
        }
    }

    [Fact]
    public void A_spread_beyond_the_tolerance_is_refused_saying_by_how_much()
    {
        var x = Draw.Matrix(new Random(3), 3, 3);
        var noise = new Random(4);
        var layer = Differentiable.Of(() => x.Map(v => v * (1 + 1e-6 * noise.NextDouble())), dy => dy).WithInput(x);
        var result = GradientCheck.Run(layer, new CheckOptions { Seed = 1, NondeterminismTolerance = 1e-10 });
        Assert.Equal(FaultKind.NonDeterministicForward, result.Fault!.Kind);
        Assert.Contains("more than NondeterminismTolerance (1E-10)", result.Fault.Message);
    }

    [Theory]
    [InlineData(-1e-9)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void A_tolerance_outside_0_to_1_is_refused_naming_the_option(double tolerance)
    {
        var x = Draw.Matrix(new Random(5), 2, 2);
        var layer = Differentiable.Of(() => x * 2, dy => dy * 2).WithInput(x);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => GradientCheck.Run(layer, new CheckOptions { NondeterminismTolerance = tolerance }));
        Assert.Equal(nameof(CheckOptions.NondeterminismTolerance), error.ParamName);
    }
}
