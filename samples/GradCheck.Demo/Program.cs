// The demo: the two-layer network of samples/GradCheck.Samples checked with a correct backward pass (passes) and with
// a planted bug (caught, with the full report). Run: dotnet run --project samples/GradCheck.Demo
using GradCheck.Samples;

Console.WriteLine($"A two-layer network: N={TwoLayerNetworkDemo.Batch}, D={TwoLayerNetworkDemo.Inputs}, " +
                  $"H={TwoLayerNetworkDemo.Hidden}, C={TwoLayerNetworkDemo.Outputs}.");
var (correct, withBug) = TwoLayerNetworkDemo.Run();

Console.WriteLine();
Console.WriteLine("1. The correct backward pass:");
Console.WriteLine(correct.Report);

Console.WriteLine();
Console.WriteLine("2. A planted bug: dW1 = dh1ᵀ·x instead of xᵀ·dh1 (a missing transpose that compiles because W1 is square):");
Console.WriteLine(withBug.Report);

Console.WriteLine();
var asExpected = correct.Passed && !withBug.Passed;
Console.WriteLine(asExpected
    ? "As expected: the correct gradient passes and the planted bug is caught."
    : "UNEXPECTED: the demo's verdicts are wrong.");
return asExpected ? 0 : 1;
