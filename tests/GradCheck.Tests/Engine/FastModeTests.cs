using GradCheck.Tests.Fixtures;

namespace GradCheck.Tests.Engine;

/// <summary>
/// Default mode catches what the element-wise check catches, at fast-mode cost. The case PyTorch's fast mode misses:
/// a transposed gradient of a large square weight (caught there in 14 of 20 draws at 64×64, 2 of 20 at 128×128).
/// </summary>
public class FastModeTests
{
    [Theory]
    [InlineData(64, 20)]
    [InlineData(128, 20)]
    [InlineData(256, 5)]
    public void Transposed_square_weight_is_caught_in_every_draw(int size, int draws)
    {
        var random = new Random(size);
        for (var draw = 0; draw < draws; draw++)
        {
            var result = GradientCheck.Run(PlantedBugs.WeightGradientTransposed(random, n: 4, d: size),
                new CheckOptions { Seed = draw, ConfirmFailures = false });
            Assert.True(result.Inputs.Single(i => i.Name == "w").Verdict == Verdict.Failed, $"draw {draw} at {size}×{size}:\n{result.Report}");
        }
    }

    [Fact]
    public void Passing_default_check_costs_a_few_evaluations_whatever_the_number_and_size_of_its_inputs()
    {
        var check = LayerCatalog.Correct["affine"](new Random(1));
        var result = GradientCheck.Run(check);
        Assert.Equal(Verdict.Passed, result.Verdict);
        // The guards' 2 runs at the unperturbed inputs (the second is the base point), 2 joint directions over all 3 inputs ×
        // the first look's 2 points, and the base point again at the end (is it still deterministic?).
        Assert.Equal(2 + 2 * 2 + 1, result.ForwardEvaluations);
        Assert.All(result.Inputs, input => Assert.Equal((2, 0), (input.JointProbeCount, input.ProbeCount)));
        Assert.Contains("passed (2 joint directional probes over all 3 inputs at once, 0 failed)", result.Report);
    }

    [Fact]
    public void Failing_default_check_with_its_report_costs_under_a_tenth_of_a_full_check()
    {
        // The two-layer network (samples/GradCheck.Samples) at the benchmark's sizes (N=32, D=64, H=64, C=10), with a missing transpose in dW1.
        var random = new Random(7);
        var network = TwoLayerNetwork.Random(64, 64, 10, random);
        var (x, y) = (Draw.Matrix(random, 32, 64), Draw.Matrix(random, 32, 10));
        Differentiable Buggy() => Differentiable.Of(() => network.Loss(x, y), _ =>
            {
                var (dW1, dB1, dW2, dB2) = network.Backward(x, y);
                return (dW1.Transpose(), dB1, dW2, dB2);
            })
            .WithInput(network.W1, "W1").WithInput(network.B1, "b1").WithInput(network.W2, "W2").WithInput(network.B2, "b2");

        var localised = GradientCheck.Run(Buggy(), new CheckOptions { Seed = 1 });
        var full = GradientCheck.Run(Buggy(), new CheckOptions { Seed = 1, Mode = CheckMode.Full });
        Assert.Equal(Verdict.Failed, localised.Verdict);
        Assert.Equal(Verdict.Failed, full.Verdict);
        Assert.Equal(DiagnosisKind.Transposed, localised.Inputs[0].Diagnosis?.Kind);
        Assert.True(localised.ForwardEvaluations * 10 < full.ForwardEvaluations,
            $"localised {localised.ForwardEvaluations} vs full {full.ForwardEvaluations} evaluations");
    }

    [Fact]
    public void Passing_full_check_costs_two_evaluations_per_element_and_little_more()
    {
        var random = new Random(9);
        var network = TwoLayerNetwork.Random(16, 12, 5, random);
        var result = GradientCheck.Run(network.AsDifferentiable(Draw.Matrix(random, 8, 16), Draw.Matrix(random, 8, 5)),
            new CheckOptions { Mode = CheckMode.Full });
        var parameters = 16 * 12 + 12 + 12 * 5 + 5;
        Assert.Equal(Verdict.Passed, result.Verdict);
        // Two per element, the guards' runs at the unperturbed inputs and the base point again at the end; the rest (the
        // calibration of each input's step) stays within 2 %.
        var bare = 2 * parameters + Guards.ForwardEvaluations + 1;
        Assert.InRange(result.ForwardEvaluations, bare, (int)(1.02 * bare));
    }
}
