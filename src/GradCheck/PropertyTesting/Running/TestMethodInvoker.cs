using System.Reflection;
using System.Runtime.ExceptionServices;
using MathNet.Numerics.LinearAlgebra;

namespace GradCheck;

/// <summary>Calls the test method with a sample's arguments and waits for it, surfacing the method's own exception.</summary>
internal static class TestMethodInvoker
{
    /// <summary>Fresh argument objects for one call: the engine perturbs matrices in place, and the method may keep them.</summary>
    public static object?[] Arguments(PropertySample sample)
    {
        var parameters = sample.Plan.Parameters;
        var arguments = new object?[parameters.Count];
        for (var p = 0; p < parameters.Count; p++)
        {
            var values = sample.Values[p];
            var single = parameters[p].Precision == ElementPrecision.Single;
            arguments[p] = parameters[p].Kind switch
            {
                // float32 tensors get the sample's values rounded to float32 (drawn values already are; shrunk ones may not be).
                PropertyParameterKind.Matrix when single => Matrix<float>.Build.Dense(parameters[p].ShapeAt(sample.Sizes).Rows,
                    parameters[p].ShapeAt(sample.Sizes).Columns, values.Select(v => (float)v).ToArray()),
                PropertyParameterKind.Vector when single => Vector<float>.Build.Dense(values.Select(v => (float)v).ToArray()),
                PropertyParameterKind.Matrix => Matrix<double>.Build.Dense(parameters[p].ShapeAt(sample.Sizes).Rows,
                    parameters[p].ShapeAt(sample.Sizes).Columns, (double[])values.Clone()),
                PropertyParameterKind.Vector => Vector<double>.Build.Dense((double[])values.Clone()),
                // A Scalar is a differentiated input the engine perturbs; a double is a drawn constant.
                PropertyParameterKind.Scalar when parameters[p].Parameter.ParameterType == typeof(Scalar) => new Scalar(values[0]),
                PropertyParameterKind.Scalar => values[0],
                _ => sample.Others[p],
            };
        }

        return arguments;
    }

    /// <summary>The method's result, awaited when it is a task (a Task yields null, a Task&lt;Differentiable&gt; its value).</summary>
    public static object? Invoke(MethodInfo method, object? target, object?[] arguments)
    {
        object? returned;
        try
        {
            returned = method.Invoke(target, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }

        return returned switch
        {
            Task<Differentiable> task => task.GetAwaiter().GetResult(),
            Task task => Wait(task),
            ValueTask<Differentiable> task => task.AsTask().GetAwaiter().GetResult(),
            ValueTask task => Wait(task.AsTask()),
            _ => returned,
        };
    }

    private static object? Wait(Task task)
    {
        task.GetAwaiter().GetResult();
        return null;
    }
}
