using MathNet.Numerics.Distributions;

namespace GradCheck.Samples;

/// <summary>
/// The demo (<c>dotnet run --project samples/GradCheck.Demo</c>): the two-layer network of <see cref="TwoLayerNetwork"/>
/// checked with its correct backward pass, and with a planted bug — dW1 = dh1ᵀ·x instead of xᵀ·dh1, a missing
/// transpose that compiles because W1 is square (D = H). Fixed seeds, so the reports in the README are this run's.
/// </summary>
public static class TwoLayerNetworkDemo
{
    /// <summary>The batch, input, hidden and output sizes (N, D, H, C).</summary>
    public const int Batch = 8, Inputs = 16, Hidden = 16, Outputs = 4;

    /// <summary>Both checks: the correct backward pass and the one with the planted bug.</summary>
    public static (CheckResult Correct, CheckResult WithBug) Run()
    {
        var random = new Random(2024);
        var x = Matrix<double>.Build.Random(Batch, Inputs, new Normal(0, 1, random));
        var y = Matrix<double>.Build.Random(Batch, Outputs, new Normal(0, 1, random));
        var network = TwoLayerNetwork.Random(Inputs, Hidden, Outputs, random);

        var correct = GradientCheck.Run(network.AsDifferentiable(x, y), new CheckOptions { Seed = 1 });
        var withBug = Differentiable.Of(
                () => network.Loss(x, y),
                _ =>
                {
                    var (dW1, dB1, dW2, dB2) = network.Backward(x, y);
                    return (dW1.Transpose(), dB1, dW2, dB2);
                })
            .WithInput(network.W1, "W1").WithInput(network.B1, "b1").WithInput(network.W2, "W2").WithInput(network.B2, "b2")
            .WithConstant(x).WithConstant(y);
        return (correct, GradientCheck.Run(withBug, new CheckOptions { Seed = 1 }));
    }
}
