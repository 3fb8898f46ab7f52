using System.Runtime.CompilerServices;
using MathNet.Numerics.LinearAlgebra;

namespace GradCheck;

/// <summary>
/// One output of a forward pass: its position among the outputs, shape, precision and whether it is differentiated.
/// A forward pass returns one output, or several as a tuple or an array; <see cref="ConstantOutput"/> marks one that is not
/// differentiated.
/// </summary>
internal sealed record OutputPart(int Position, TensorShape Shape, ElementPrecision Precision, bool IsDifferentiated)
{
    /// <summary>The outputs a forward pass returned, in order: a tuple or an array of tensors is several.</summary>
    public static object?[] Split(object? output) => output switch
    {
        ITuple tuple => Enumerable.Range(0, tuple.Length).Select(i => tuple[i]).ToArray(),
        object?[] array => array,
        _ => [output],
    };

    /// <summary>The part one output value is; null for a value that is no tensor (the caller reports it).</summary>
    public static OutputPart? Of(int position, object? value) => value switch
    {
        Matrix<double> m => new(position, new TensorShape(m.RowCount, m.ColumnCount, IsMatrix: true), ElementPrecision.Double, true),
        Vector<double> v => new(position, new TensorShape(v.Count, 1, IsMatrix: false), ElementPrecision.Double, true),
        double => new(position, TensorShape.Scalar, ElementPrecision.Double, true),
        Matrix<float> m => new(position, new TensorShape(m.RowCount, m.ColumnCount, IsMatrix: true), ElementPrecision.Single, true),
        Vector<float> v => new(position, new TensorShape(v.Count, 1, IsMatrix: false), ElementPrecision.Single, true),
        float => new(position, TensorShape.Scalar, ElementPrecision.Single, true),
        ConstantOutput => new(position, TensorShape.Scalar, ElementPrecision.Double, false),
        _ => null,
    };

    /// <summary>Element <paramref name="index"/> (column-major) of an output value of this part.</summary>
    public static double At(object value, int index) => value switch
    {
        Matrix<double> m => m.At(index % m.RowCount, index / m.RowCount),
        Vector<double> v => v.At(index),
        double d => d,
        Matrix<float> m => m.At(index % m.RowCount, index / m.RowCount),
        Vector<float> v => v.At(index),
        float f => f,
        _ => throw new InvalidOperationException("Not a tensor."),
    };

    /// <summary>An upstream gradient for this part: <paramref name="values"/> (column-major) typed like the output.</summary>
    public object UpstreamValue(double[] values) => (Shape.Kind, Precision) switch
    {
        (TensorKind.Matrix, ElementPrecision.Double) => Matrix<double>.Build.Dense(Shape.Rows, Shape.Columns, (double[])values.Clone()),
        (TensorKind.Vector, ElementPrecision.Double) => Vector<double>.Build.Dense((double[])values.Clone()),
        (TensorKind.Scalar, ElementPrecision.Double) => values[0],
        (TensorKind.Matrix, _) => Matrix<float>.Build.Dense(Shape.Rows, Shape.Columns, values.Select(v => (float)v).ToArray()),
        (TensorKind.Vector, _) => Vector<float>.Build.Dense(values.Select(v => (float)v).ToArray()),
        _ => (float)values[0],
    };

    /// <summary>"output 1 element [2, 3]" where there are several outputs, "[2, 3]" where there is one.</summary>
    public string ElementLabel(int index, int outputCount) => Shape.IsScalar
        ? outputCount == 1 ? "(the scalar)" : $"output {Position} (a scalar)"
        : outputCount == 1 ? Shape.ElementLabel(index) : $"output {Position} element {Shape.ElementLabel(index)}";

    /// <summary>How a report names this part's type: "a 2×3 matrix", "a float32 vector of length 4", "a scalar".</summary>
    public string Description => (Precision == ElementPrecision.Single ? "float32 " : "") + (Shape.IsScalar ? "scalar" : $"{Shape} {Shape.KindName}");
}
