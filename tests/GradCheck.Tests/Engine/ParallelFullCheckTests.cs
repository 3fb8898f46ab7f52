using GradCheck.Tests.Fixtures;


namespace GradCheck.Tests.Engine;

/// <summary>A full check given a factory shares the elements out between workers, each on its own copies of the inputs.</summary>
public class ParallelFullCheckTests
{
    private static readonly CheckOptions Full = new() { Mode = CheckMode.Full, Seed = 4, MaxDegreeOfParallelism = 2 };

    private static Func<Differentiable> NetworkFactory(TwoLayerNetwork network, Matrix<double> x, Matrix<double> y, bool transposeBug = false) => () =>
    {
        var copy = new TwoLayerNetwork(network.W1.Clone(), network.B1.Clone(), network.W2.Clone(), network.B2.Clone());
        return Differentiable.Of(() => copy.Loss(x, y), _ =>
            {
                var (dW1, dB1, dW2, dB2) = copy.Backward(x, y);
                return (transposeBug ? dW1.Transpose() : dW1, dB1, dW2, dB2);
            })
            .WithInput(copy.W1, "W1").WithInput(copy.B1, "b1").WithInput(copy.W2, "W2").WithInput(copy.B2, "b2")
            .WithConstant(x, "x").WithConstant(y, "y");
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Two_workers_give_exactly_the_one_worker_report(bool transposeBug)
    {
        var random = new Random(5);
        var network = TwoLayerNetwork.Random(12, 12, 3, random);
        var (x, y) = (Draw.Matrix(random, 6, 12), Draw.Matrix(random, 6, 3));
        var factory = NetworkFactory(network, x, y, transposeBug);

        var parallel = GradientCheck.Run(factory, Full);
        var sequential = GradientCheck.Run(factory, Full with { MaxDegreeOfParallelism = 1 });

        Assert.Equal(transposeBug ? Verdict.Failed : Verdict.Passed, parallel.Verdict);
        // Identical but for the second worker's own evaluation of the unperturbed objective and its own calibration.
        Assert.InRange(parallel.ForwardEvaluations, sequential.ForwardEvaluations + 1, sequential.ForwardEvaluations + 1 + 4 * 8);
        Assert.Equal(WithoutEvaluationCount(sequential.Report), WithoutEvaluationCount(parallel.Report));
        Assert.Equal(sequential.Inputs.Sum(i => i.CheckedElementCount), parallel.Inputs.Sum(i => i.CheckedElementCount));
    }

    private static string WithoutEvaluationCount(string report) =>
        System.Text.RegularExpressions.Regex.Replace(report, @"[\d,]+ forward evaluations", "N forward evaluations");

    [Fact]
    public void A_factory_that_shares_a_differentiated_input_is_a_fault_naming_it()
    {
        var w = Draw.Matrix(new Random(6), 3, 3);
        var result = GradientCheck.Run(() => Differentiable.Of(() => w * 2, d => d * 2).WithInput(w), Full);
        Assert.Equal(FaultKind.InvalidArgument, result.Fault?.Kind);
        Assert.Contains("returned input 'w' itself twice", result.Report);
    }

    [Fact]
    public void A_fault_on_a_worker_thread_is_reported_and_the_copies_restored()
    {
        // A log with a hard floor at 1e-7, where x[2] sits: any step down from it leaves the domain, on whichever worker.
        var x = Vector<double>.Build.Dense([0.5, 1.0, 1e-7, 2.0]);
        var result = GradientCheck.Run(() =>
        {
            var copy = x.Clone();
            return Differentiable.Of(() => copy.Map(v => v >= 1e-7 ? Math.Log(v) : double.NaN).Sum(), d => copy.Map(v => d / v)).WithInput(copy, "x");
        }, Full);
        Assert.Equal(FaultKind.NonFiniteOutput, result.Fault?.Kind);
        Assert.Contains("input 'x' element [2]", result.Report);
        Assert.Equal(Vector<double>.Build.Dense([0.5, 1.0, 1e-7, 2.0]), x);
    }

    [Fact]
    public void Default_mode_builds_one_instance()
    {
        var calls = 0;
        var x = Draw.Matrix(new Random(7), 3, 2);
        GradientCheck.Run(() => { calls++; var copy = x.Clone(); return Differentiable.Of(() => copy * 3, d => d * 3).WithInput(copy); });
        Assert.Equal(1, calls);
    }
}
