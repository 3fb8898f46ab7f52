using System.Collections;
using System.Runtime.CompilerServices;
using MathNet.Numerics.LinearAlgebra;

namespace GradCheck;

/// <summary>Reads what a backward pass returned as one gradient per differentiated input, and checks each one.</summary>
internal static class GradientReader
{
    /// <summary>The gradients as flat column-major arrays, in the order of <paramref name="inputs"/>.</summary>
    public static double[][] Read(object? returned, IReadOnlyList<InputStorage> inputs)
    {
        var items = Flatten(returned);
        if (items.Count != inputs.Count)
        {
            throw Guards.Fault(FaultKind.WrongGradientCount,
                $"The backward pass returned {items.Count} gradient{(items.Count == 1 ? "" : "s")} for {inputs.Count} differentiated " +
                $"input{(inputs.Count == 1 ? "" : "s")} ({string.Join(", ", inputs.Select(i => i.Name))}): return one per input, in this order.");
        }

        var gradients = new double[inputs.Count][];
        for (var i = 0; i < inputs.Count; i++) gradients[i] = ReadOne(items[i], inputs[i]);
        return gradients;
    }

    private static double[] ReadOne(object? gradient, InputStorage input)
    {
        var expected = input.Shape;
        // A float32 input may get its gradient in float32 or in double; a double input only in double.
        var single = input.Precision == ElementPrecision.Single;
        var values = gradient switch
        {
            Matrix<double> m when expected.IsMatrix && m.RowCount == expected.Rows && m.ColumnCount == expected.Columns =>
                m.ToColumnMajorArray(),
            Vector<double> v when !expected.IsMatrix && !expected.IsScalar && v.Count == expected.Rows => v.ToArray(),
            double d when expected.IsScalar => [d],
            Matrix<float> m when single && expected.IsMatrix && m.RowCount == expected.Rows && m.ColumnCount == expected.Columns =>
                m.ToColumnMajorArray().Select(v => (double)v).ToArray(),
            Vector<float> v when single && !expected.IsMatrix && !expected.IsScalar && v.Count == expected.Rows => v.Select(e => (double)e).ToArray(),
            float f when expected.IsScalar => [f],
            _ => throw Guards.Fault(FaultKind.WrongGradientShape,
                $"The gradient of '{input.Name}' is {TypeAndShapeOf(gradient, single)}; expected " +
                (expected.IsScalar ? $"a double, '{input.Name}' being a scalar." : $"a {expected.KindName} of shape {expected}, the shape of '{input.Name}'."),
                input.Name),
        };

        for (var index = 0; index < values.Length; index++)
        {
            if (!double.IsFinite(values[index]))
                throw Guards.Fault(FaultKind.NonFiniteGradient,
                    $"The backward pass returned {values[index]} in the gradient of '{input.Name}' at element {expected.ElementLabel(index)}.",
                    input.Name);
        }

        return values;
    }

    private static List<object?> Flatten(object? returned) => returned switch
    {
        null => [],
        Matrix<double> or Vector<double> or double or Matrix<float> or Vector<float> or float => [returned],
        ITuple tuple => Enumerable.Range(0, tuple.Length).Select(i => tuple[i]).ToList(),
        IEnumerable sequence => sequence.Cast<object?>().ToList(),
        _ => [returned],
    };

    private static string TypeAndShapeOf(object? gradient, bool single) => gradient switch
    {
        null => "null",
        Matrix<double> m => $"a {m.RowCount}×{m.ColumnCount} matrix",
        Vector<double> v => $"a vector of length {v.Count}",
        Matrix<float> m => $"a {m.RowCount}×{m.ColumnCount} Matrix<float>" + (single ? "" : " (single precision; the input is a Matrix<double>)"),
        Vector<float> v => $"a Vector<float> of length {v.Count}" + (single ? "" : " (single precision; the input is a Vector<double>)"),
        float => single ? "a float" : "a float (single precision; the input is a double)",
        double => "a scalar",
        _ => $"a {gradient.GetType().Name}",
    };
}
