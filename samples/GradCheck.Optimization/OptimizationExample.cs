using MathNet.Numerics.Optimization;

namespace GradCheck.Optimization;

/// <summary>Checks the objective's gradient, then minimises it with MathNet's BFGS.</summary>
public static class OptimizationExample
{
    /// <summary>Runs the example, writing the check's verdict and the minimum to <paramref name="output"/>.</summary>
    /// <param name="objective">The objective; a generated data set when null.</param>
    /// <param name="output">Where the verdict and the minimum are written.</param>
    /// <param name="gradient">The gradient to use; the objective's own when null (the tests plant a bug through it).</param>
    /// <returns>BFGS's result.</returns>
    /// <exception cref="GradientCheckException">The analytic gradient disagrees with finite differences; BFGS is not run.</exception>
    public static MinimizationResult Run(LogisticRegressionObjective? objective, TextWriter output, Func<Vector<double>, Vector<double>>? gradient = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        objective ??= LogisticRegressionObjective.Generate();
        gradient ??= objective.Gradient;

        // Check at a random point, not at the zero start: at w = 0 a wrong regularisation term (λw for 2λw) vanishes.
        var random = new Random(1);
        var probe = Vector<double>.Build.Dense(objective.Dimension, _ => 2 * random.NextDouble() - 1);
        var check = GradientCheck.Gradient(objective.Value, gradient, probe).EnsurePassed();
        output.WriteLine(check.Report.Split('\n')[0].TrimEnd());

        var start = Vector<double>.Build.Dense(objective.Dimension);
        var result = new BfgsMinimizer(gradientTolerance: 1e-8, parameterTolerance: 1e-10, functionProgressTolerance: 1e-12)
            .FindMinimum(ObjectiveFunction.Gradient(objective.Value, gradient), start);
        output.WriteLine($"BFGS: {result.ReasonForExit} after {result.Iterations} iterations; f = {result.FunctionInfoAtMinimum.Value:G6}, " +
            $"|grad f| = {result.FunctionInfoAtMinimum.Gradient.L2Norm():E1}");
        var minimum = result.MinimizingPoint.Select(v => v.ToString("F3", System.Globalization.CultureInfo.InvariantCulture));
        output.WriteLine($"w* = [{string.Join(", ", minimum)}]");
        return result;
    }
}
