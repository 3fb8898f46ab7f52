using GradCheck.Samples;
using GradCheck.Tests.Fixtures;

namespace GradCheck.Tests.Engine;

/// <summary>
/// Objectives whose rounding noise is far above ε·|φ| (inputs sharing a large offset), where a step chosen for ε is too
/// fine and an error bar built from the wrong noise hides bugs: a layer norm over a row of inputs around 1e5 that
/// differ by 1e-2 keeps only about nine of its digits.
/// </summary>
public class NoisyObjectiveTests
{
    private const int Draws = 200;

    private static Differentiable OffsetLayerNorm(int seed, double factor)
    {
        var random = new Random(seed);
        int rows = random.Next(1, 4), columns = random.Next(2, 7);
        var x = Draw.Matrix(random, rows, columns, 1e-2).Map(v => 1e5 + v);
        var gamma = Draw.Vector(random, columns, 0.5).Map(v => 1 + v);
        var beta = Draw.Vector(random, columns);
        return Differentiable.Of(() => Normalization.LayerNormForward(x, gamma, beta), dy =>
            {
                var (dx, dgamma, dbeta) = Normalization.LayerNormBackward(dy, x, gamma);
                return (dx * factor, dgamma, dbeta);
            })
            .WithInput(x).WithInput(gamma).WithInput(beta);
    }

    [Fact]
    public void A_correct_layer_norm_around_1e5_passes_on_every_draw()
    {
        var alarms = Enumerable.Range(0, Draws)
            .Count(seed => GradientCheck.Run(OffsetLayerNorm(seed, 1), new CheckOptions { Seed = seed }).Verdict != Verdict.Passed);
        Assert.Equal(0, alarms);
    }

    [Fact]
    public void A_uniform_error_of_one_in_a_thousand_is_caught_on_every_draw_even_where_the_noise_is_even()
    {
        // Rows of two or three elements: ⟨g, v⟩ cancels (g sums to zero per row) and the noise, the same at x + d and
        // x − d, fills the one-sided quotients but not the centred one. Only wider steps and the centred noise resolve 1e-3.
        var missed = Enumerable.Range(0, Draws)
            .Where(seed => GradientCheck.Run(OffsetLayerNorm(seed, 1.001), new CheckOptions { Seed = seed }).Inputs[0].Verdict != Verdict.Failed)
            .ToList();
        Assert.Empty(missed);
    }

    [Theory]
    [InlineData(CheckMode.Default)]
    [InlineData(CheckMode.Full)]
    public void Noise_that_is_the_same_on_both_sides_does_not_hide_an_error_of_one_in_a_hundred_thousand(CheckMode mode)
    {
        // φ(x) = 10 + ⟨w, x⟩ + 3e-8·n(|x − x₀|): a noise ten million times ε·|φ| that cancels exactly in every centred
        // quotient. Error bars from the one-sided noise would exceed 1e-5 of the derivative even at the widest steps.
        var x0 = Vector<double>.Build.Dense([0.7, -1.3, 0.4]);
        var x = x0.Clone();
        var w = Vector<double>.Build.Dense([2.0, -1.0, 0.5]);
        double Objective() => 10 + w.DotProduct(x) + 3e-8 * EvenNoise((x - x0).L2Norm());
        var correct = GradientCheck.Run(Differentiable.Of(Objective, d => w * d).WithInput(x), new CheckOptions { Mode = mode, Seed = 3 });
        var wrong = GradientCheck.Run(Differentiable.Of(Objective, d => w * (1.00001 * d)).WithInput(x), new CheckOptions { Mode = mode, Seed = 3 });
        Assert.Equal(Verdict.Passed, correct.Verdict);
        Assert.Equal(Verdict.Failed, wrong.Verdict);
    }

    /// <summary>A deterministic noise in [−1, 1] of the distance only: the same at x₀ + d and x₀ − d.</summary>
    private static double EvenNoise(double distance)
    {
        var s = Math.Sin(distance * 1e9) * 43758.5453;
        return 2 * (s - Math.Floor(s)) - 1;
    }

    [Fact]
    public void An_element_whose_derivative_vanishes_by_chance_gets_a_step_on_the_input_scale()
    {
        // The function varies along every element on a scale of 1e-2; one derivative happens to be tiny, another zero.
        var snapshot = new[] { 1e5, 1e5 + 0.01, 1e5 - 0.01, 1e5 + 0.02 };
        var gradient = new[] { 100.0, -120.0, 1e-9, 0.0 };
        var steps = StepSize.For(snapshot, gradient, objectiveScale: 1.0);
        Assert.All(steps, step => Assert.True(step <= 2 * steps.Take(2).Max(), $"steps {string.Join(", ", steps)}"));
    }
}
