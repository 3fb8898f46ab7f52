using GradCheck.TestMethods;

namespace GradCheck;

/// <summary>
/// Runs one sample: calls the test method, hands a returned <see cref="Differentiable"/> to the engine (its inputs being
/// the method's matrix and vector parameters, in order), and turns the outcome into a <see cref="SampleResult"/>.
/// </summary>
internal static class SampleEvaluator
{
    public static SampleResult Evaluate(Sample sample, object? target, PropertyOptions options)
    {
        var plan = sample.Plan;
        // Derived sizes ("L-K+1") can fall below 1 for some drawn symbols: such a sample has no shape to draw.
        if (plan.Parameters.Select(p => p.DimBelowOne(sample.Sizes)).FirstOrDefault(d => d is not null) is { } belowOne)
            return SampleResult.Discard($"a derived size below 1 ({belowOne})");
        var arguments = TestMethodInvoker.Arguments(sample);
        object? returned;
        try
        {
            returned = TestMethodInvoker.Invoke(plan.Method, target, arguments);
        }
        catch (GradientCheckException e)
        {
            return FromCheck(e.Result);
        }
        catch (Exception e)
        {
            return SampleResult.Fail($"The test method '{plan.Method.Name}' threw {e.GetType().Name}: {e.Message}", exception: e);
        }

        if (plan.Form == TestMethodForm.ChecksItself) return SampleResult.Pass;
        if (returned is not Differentiable differentiable)
            return SampleResult.Fail($"The test method '{plan.Method.Name}' returned null instead of a Differentiable.");

        CheckResult result;
        try
        {
            result = GradientCheck.Run(WithParameterInputs(differentiable, plan, arguments), options.EngineOptions(sample.EngineSeed));
        }
        catch (Exception e)
        {
            return SampleResult.Fail($"The gradient check of '{plan.Method.Name}' could not start: {e.GetType().Name}: {e.Message}", exception: e);
        }

        return FromCheck(result);
    }

    /// <summary>A Differentiable built without inputs gets the method's matrices, vectors and Scalars, named after the parameters.</summary>
    private static Differentiable WithParameterInputs(Differentiable differentiable, PropertyPlan plan, object?[] arguments)
    {
        if (differentiable.Inputs.Count > 0) return differentiable;
        for (var p = 0; p < plan.Parameters.Count; p++)
        {
            var parameter = plan.Parameters[p];
            var differentiated = !parameter.IsConstant;
            if (arguments[p] is MathNet.Numerics.LinearAlgebra.Matrix<double> matrix)
                differentiable = differentiable.WithInput(new CheckInput(parameter.Name, matrix, differentiated));
            else if (arguments[p] is MathNet.Numerics.LinearAlgebra.Vector<double> vector)
                differentiable = differentiable.WithInput(new CheckInput(parameter.Name, vector, differentiated));
            else if (arguments[p] is Scalar scalar)
                differentiable = differentiable.WithInput(new CheckInput(parameter.Name, scalar, differentiated));
        }

        return differentiable;
    }

    private static SampleResult FromCheck(CheckResult result) => result.Verdict switch
    {
        Verdict.Passed => SampleResult.Pass,
        Verdict.NonDifferentiable => SampleResult.Discard(
            $"on a kink of {string.Join(", ", result.Inputs.Where(i => i.Verdict == Verdict.NonDifferentiable).Select(i => $"'{i.Name}'"))}"),
        _ => SampleResult.Fail(result.ReportWithoutReplay, result, result.Fault?.Exception),
    };
}
