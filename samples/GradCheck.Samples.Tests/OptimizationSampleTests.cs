using GradCheck.Optimization;

namespace GradCheck.Samples.Tests;

/// <summary>The optimiser sample: its objective's gradient passes the check, a planted gradient bug is caught before BFGS runs, and BFGS reaches the
/// minimum.</summary>
public class OptimizationSampleTests
{
    private static readonly LogisticRegressionObjective Objective = LogisticRegressionObjective.Generate();

    private static Vector<double> Point(int seed)
    {
        var random = new Random(seed);
        return Vector<double>.Build.Dense(Objective.Dimension, _ => 2 * random.NextDouble() - 1);
    }

    [Fact]
    public void The_objectives_gradient_passes_the_check()
    {
        var result = GradientCheck.Gradient(Objective.Value, Objective.Gradient, Point(3));

        Assert.True(result.Passed, result.Report);
    }

    [Fact]
    public void A_planted_bug_in_the_gradient_is_caught()
    {
        // The penalty λ‖w‖² differentiated as λw instead of 2λw: small next to the data term, yet caught.
        Vector<double> Buggy(Vector<double> w) => Objective.Gradient(w) - Objective.Lambda * w;

        var result = GradientCheck.Gradient(Objective.Value, Buggy, Point(3));

        Assert.False(result.Passed, result.Report);
        Assert.Contains("Input 'x'", result.Report);
        Assert.Throws<GradientCheckException>(() => result.EnsurePassed());
    }

    [Fact]
    public void The_example_checks_the_gradient_then_BFGS_reaches_the_minimum()
    {
        var output = new StringWriter();

        var result = OptimizationExample.Run(Objective, output);

        Assert.StartsWith("GradCheck: gradient check passed", output.ToString());
        Assert.Contains("BFGS: ", output.ToString());
        Assert.True(result.FunctionInfoAtMinimum.Gradient.L2Norm() < 1e-6, output.ToString());
        Assert.True(result.FunctionInfoAtMinimum.Value < Objective.Value(Vector<double>.Build.Dense(Objective.Dimension)));
    }

    [Fact]
    public void The_example_stops_before_BFGS_when_the_gradient_is_wrong()
    {
        var output = new StringWriter();

        var exception = Assert.Throws<GradientCheckException>(() => OptimizationExample.Run(Objective, output, w =>
            Objective.Gradient(w) - Objective.Lambda * w));

        Assert.Contains("gradient check FAILED", exception.Message);
        Assert.DoesNotContain("BFGS", output.ToString());
    }
}
