using System.Runtime.CompilerServices;
using GradCheck.TestMethods;

namespace GradCheck;

/// <summary>
/// Runs one sample: calls the test method, hands a returned <see cref="Differentiable"/> to the engine (its inputs being
/// the method's matrix and vector parameters, in order), and turns the outcome into a <see cref="SampleResult"/>.
/// </summary>
internal static class SampleEvaluator
{
    // A sample's result is a function of the sample (its engine seed included): FsCheck's shrinker and the report ask
    // again for samples just evaluated, and a check is the expensive part of a run.
    private static readonly ConditionalWeakTable<PropertySample, SampleResult> Results = [];

    public static SampleResult Evaluate(PropertySample sample, object? target, PropertyOptions options) =>
        Results.GetValue(sample, s => EvaluateOnce(s, target, options));

    private static SampleResult EvaluateOnce(PropertySample sample, object? target, PropertyOptions options)
    {
        var plan = sample.Plan;
        // Derived sizes ("L-K+1") can fall below 1 for some drawn symbols, and [Require] can rule sizes out: such a sample is not checked.
        if (plan.Unsatisfied(sample.Sizes) is { } reason) return SampleResult.Discard(reason);
        var arguments = TestMethodInvoker.Arguments(sample);
        object? returned;
        try
        {
            returned = TestMethodInvoker.Invoke(plan.Method, target, arguments);
        }
        catch (SampleDiscardedException e)
        {
            return ByTheTest(e);
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
        catch (SampleDiscardedException e)
        {
            return ByTheTest(e);
        }
        catch (Exception e)
        {
            return SampleResult.Fail($"The gradient check of '{plan.Method.Name}' could not start: {e.GetType().Name}: {e.Message}", exception: e);
        }

        return FromCheck(result);
    }

    private static SampleResult ByTheTest(SampleDiscardedException e) => SampleResult.Discard($"by the test: {e.Reason}");

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
            else if (arguments[p] is MathNet.Numerics.LinearAlgebra.Matrix<float> singleMatrix)
                differentiable = differentiable.WithInput(new CheckInput(parameter.Name, singleMatrix, differentiated));
            else if (arguments[p] is MathNet.Numerics.LinearAlgebra.Vector<float> singleVector)
                differentiable = differentiable.WithInput(new CheckInput(parameter.Name, singleVector, differentiated));
            else if (arguments[p] is Scalar scalar)
                differentiable = differentiable.WithInput(new CheckInput(parameter.Name, scalar, differentiated));
        }

        return differentiable;
    }

    private static SampleResult FromCheck(CheckResult result) => result switch
    {
        // Sample.Discard called from inside the forward or backward pass reaches here as the engine's fault.
        { Fault.Exception: SampleDiscardedException discarded } => ByTheTest(discarded),
        { Verdict: Verdict.Passed } => SampleResult.Pass,
        { Verdict: Verdict.NonDifferentiable } => SampleResult.Discard(
            $"on a kink of {string.Join(", ", result.Inputs.Where(i => i.Verdict == Verdict.NonDifferentiable).Select(i => $"'{i.Name}'"))}"),
        _ => SampleResult.Fail(result.ReportWithoutReplay, result, result.Fault?.Exception),
    };
}
