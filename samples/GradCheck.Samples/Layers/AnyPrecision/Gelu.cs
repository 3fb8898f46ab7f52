using System.Numerics;

namespace GradCheck.Samples;

/// <summary>
/// GELU (tanh approximation) written once for float32 and double, the way deep-learning code ships it:
/// y = x/2 · (1 + tanh(√(2/π)·(x + 0.044715·x³))).
/// </summary>
public static class Gelu<T> where T : struct, IEquatable<T>, IFormattable, IFloatingPointIeee754<T>
{
    private static readonly T Half = T.CreateChecked(0.5);
    private static readonly T Cubic = T.CreateChecked(0.044715);
    private static readonly T Scale = T.CreateChecked(Math.Sqrt(2 / Math.PI));

    /// <summary>GELU of every element.</summary>
    public static Matrix<T> Forward(Matrix<T> x) => x.Map(v => Half * v * (T.One + T.Tanh(Inner(v))));

    /// <summary>dL/dx from dL/dy.</summary>
    public static Matrix<T> Backward(Matrix<T> dy, Matrix<T> x) => dy.PointwiseMultiply(x.Map(Derivative));

    private static T Inner(T v) => Scale * (v + Cubic * v * v * v);

    private static T Derivative(T v)
    {
        var t = T.Tanh(Inner(v));
        var dInner = Scale * (T.One + T.CreateChecked(3) * Cubic * v * v);
        return Half * (T.One + t) + Half * v * (T.One - t * t) * dInner;
    }
}
