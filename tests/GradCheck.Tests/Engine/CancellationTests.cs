namespace GradCheck.Tests.Engine;

/// <summary>
/// Directions with continuous random magnitudes: no pattern of equal errors cancels along them. Each pattern is planted
/// in a linear layer y = x·W (whose centred differences are exact, so only the probes' luck could miss it) and checked in
/// default mode over ten thousand draws of the directions: alone, and next to a second differentiated input, where default
/// mode probes both at once (joint directions) before probing either on its own.
/// </summary>
public class CancellationTests
{
    private const int Draws = 10_000;

    public static TheoryData<string> Patterns => new(Plants.Keys);

    private static readonly Dictionary<string, (int Size, Func<Matrix<double>, Matrix<double>> Plant)> Plants = new()
    {
        ["1×1 sign"] = (1, g => -g),
        ["2×2 transpose"] = (2, g => g.Transpose()),
        ["3×3 transpose"] = (3, g => g.Transpose()),
        ["mask on half the elements"] = (4, g => g.MapIndexed((r, c, v) => (r + c) % 2 == 0 ? 0 : v)),
        ["one-hot error"] = (3, g => g.MapIndexed((r, c, v) => r == 1 && c == 2 ? v + 0.5 : v)),
        ["± pair"] = (3, g => g.MapIndexed((r, c, v) => (r, c) == (0, 1) ? v + 0.5 : (r, c) == (2, 0) ? v - 0.5 : v)),
        ["equal errors of alternating sign"] = (4, g => g.MapIndexed((r, c, v) => v + ((r + c) % 2 == 0 ? 0.25 : -0.25))),
    };

    [Theory, MemberData(nameof(Patterns))]
    public void An_equal_magnitude_error_pattern_is_caught_on_every_draw(string pattern)
    {
        var (size, plant) = Plants[pattern];
        // The weight's gradient for a symmetric upstream-free objective ⟨1, x·W⟩: W's gradient is xᵀ·1, planted below.
        var x = Matrix<double>.Build.Dense(size, size, (r, c) => 1 + r + 2 * c);
        var w = Matrix<double>.Build.Dense(size, size, (r, c) => 0.5 - r + c);
        var differentiable = Differentiable.Of(() => (x * w).Enumerate().Sum(),
            dout => plant(x.TransposeThisAndMultiply(Matrix<double>.Build.Dense(size, size, 1.0)) * dout)).WithInput(w);
        var missed = 0;
        for (var draw = 0; draw < Draws; draw++)
            if (GradientCheck.Run(differentiable, new CheckOptions { Seed = draw, ConfirmFailures = false }).Verdict != Verdict.Failed) missed++;
        Assert.Equal(0, missed);
    }

    public static TheoryData<string> JointPatterns => new(Plants.Keys.Concat(CrossPlants.Keys));

    /// <summary>Errors split between the two inputs' gradients, equal and opposite: they cancel along any direction moving both alike.</summary>
    private static readonly Dictionary<string, (int Size, Func<Matrix<double>, Matrix<double>> PlantX, Func<Matrix<double>, Matrix<double>> PlantW)>
        CrossPlants = new()
        {
            ["± pair across the inputs"] = (2, g => g.MapIndexed((r, c, v) => (r, c) == (0, 1) ? v + 0.5 : v),
                g => g.MapIndexed((r, c, v) => (r, c) == (1, 0) ? v - 0.5 : v)),
            ["sign error in both inputs"] = (2, g => -g, g => -g),
            ["transpose in both inputs"] = (3, g => g.Transpose(), g => g.Transpose()),
        };

    [Theory, MemberData(nameof(JointPatterns))]
    public void An_equal_magnitude_error_pattern_is_caught_on_every_draw_of_the_joint_probes(string pattern)
    {
        var (size, plantX, plantW) = Plants.TryGetValue(pattern, out var one) ? (one.Size, g => g, one.Plant) : CrossPlants[pattern];
        var x = Matrix<double>.Build.Dense(size, size, (r, c) => 1 + r + 2 * c);
        var w = Matrix<double>.Build.Dense(size, size, (r, c) => 0.5 - r + c);
        var ones = Matrix<double>.Build.Dense(size, size, 1.0);
        // ⟨1, x·W⟩: x's gradient is 1·Wᵀ, W's is xᵀ·1.
        var differentiable = Differentiable.Of(() => (x * w).Enumerate().Sum(),
            dout => (plantX(ones.TransposeAndMultiply(w)) * dout, plantW(x.TransposeThisAndMultiply(ones)) * dout)).WithInput(x).WithInput(w);
        var missed = 0;
        for (var draw = 0; draw < Draws; draw++)
        {
            var result = GradientCheck.Run(differentiable, new CheckOptions { Seed = draw, ConfirmFailures = false });
            if (result.Inputs[1].Verdict != Verdict.Failed || (CrossPlants.ContainsKey(pattern) && result.Inputs[0].Verdict != Verdict.Failed)) missed++;
        }

        Assert.Equal(0, missed);
    }

    /// <summary>
    /// A gradient off by 1 % on a float32 input whose derivatives alternate in sign, under an objective offset by 600 that
    /// rounding makes coarse: every error bar is a few thousandths of Σ|gᵢvᵢ|, and along random signs ⟨g, v⟩ is often a small
    /// remainder of its terms, under the bar. A check may then miss the factor, but only where its report says it could not
    /// resolve it; the directions it adds when the first ones resolve too little follow the gradient's signs, along which
    /// ⟨g, v⟩ = Σ|gᵢvᵢ|, so a report never claims a resolution its probes did not have for a factor.
    /// </summary>
    [Fact]
    public void A_factor_hidden_by_cancelling_random_signs_is_caught_or_stated_as_unresolvable()
    {
        const int size = 16;
        const float factor = 1.01f;
        var random = new Random(5);
        var x = Vector<float>.Build.Dense(size, _ => (float)(random.NextDouble() * 2 - 1));
        var signs = Vector<float>.Build.Dense(size, i => i % 2 == 0 ? 1 : -1);
        Differentiable Layer(float scale) => Differentiable.Of(() => 600 + signs.DotProduct(x.Map(MathF.Tanh)),
            dout => signs.PointwiseMultiply(x.Map(v => 1 - MathF.Tanh(v) * MathF.Tanh(v))) * (scale * dout)).WithInput(x);
        var (correct, planted) = (Layer(1), Layer(factor));
        var (falseAlarms, claimedYetMissed) = (0, 0);
        for (var draw = 0; draw < 300; draw++)
        {
            if (GradientCheck.Run(correct, new CheckOptions { Seed = draw }).Verdict != Verdict.Passed) falseAlarms++;
            var result = GradientCheck.Run(planted, new CheckOptions { Seed = draw, ConfirmFailures = false });
            if (result.Verdict != Verdict.Failed && result.Inputs[0].Resolution < (factor - 1) / 2) claimedYetMissed++;
        }

        Assert.Equal((0, 0), (falseAlarms, claimedYetMissed));
    }
}
