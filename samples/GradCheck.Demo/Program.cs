// The demo: the lecture's 2-layer network checked with a correct backward pass (passes) and with a planted bug
// (caught, with the full report). Run: dotnet run --project samples/GradCheck.Demo
using GradCheck;
using GradCheck.Samples;

const int Batch = 8, Inputs = 16, Hidden = 16, Outputs = 4;  // D = H: a square W1, where a missing transpose compiles
var random = new Random(2024);
var x = Matrix<double>.Build.Random(Batch, Inputs, new MathNet.Numerics.Distributions.Normal(0, 1, random));
var y = Matrix<double>.Build.Random(Batch, Outputs, new MathNet.Numerics.Distributions.Normal(0, 1, random));
var network = TwoLayerNetwork.Random(Inputs, Hidden, Outputs, random);

Console.WriteLine($"The lecture's network: N={Batch}, D={Inputs}, H={Hidden}, C={Outputs}.");
Console.WriteLine();
Console.WriteLine("1. The correct backward pass:");
var passing = GradientCheck.Run(network.AsDifferentiable(x, y), new CheckOptions { Seed = 1 });
Console.WriteLine(passing.Report);

Console.WriteLine();
Console.WriteLine("2. A planted bug: dW1 = dh1ᵀ·x instead of xᵀ·dh1 (a missing transpose that compiles because W1 is square):");
var buggy = Differentiable.Of(
        () => network.Loss(x, y),
        _ =>
        {
            var (dW1, dB1, dW2, dB2) = network.Backward(x, y);
            return (dW1.Transpose(), dB1, dW2, dB2);
        })
    .WithInput(network.W1, "W1").WithInput(network.B1, "b1").WithInput(network.W2, "W2").WithInput(network.B2, "b2")
    .WithConstant(x).WithConstant(y);
var failing = GradientCheck.Run(buggy, new CheckOptions { Seed = 1 });
Console.WriteLine(failing.Report);

Console.WriteLine();
Console.WriteLine(passing.Passed && !failing.Passed
    ? "As expected: the correct gradient passes and the planted bug is caught."
    : "UNEXPECTED: the demo's verdicts are wrong.");
return passing.Passed && !failing.Passed ? 0 : 1;
