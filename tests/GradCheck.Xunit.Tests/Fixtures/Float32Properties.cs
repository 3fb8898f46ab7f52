namespace GradCheck.Xunit.Tests.Fixtures;

/// <summary>Properties over float32 tensors: the layer runs, and is checked, in float32.</summary>
public static class Float32Properties
{
    /// <summary>Every float32 argument it was given, to show the drawn values are float32 numbers.</summary>
    public static readonly System.Collections.Concurrent.ConcurrentQueue<Matrix<float>> Drawn = new();

    public static Differentiable Gelu([Shape("N", "D")] Matrix<float> x)
    {
        Drawn.Enqueue(x.Clone());
        return Differentiable.Of(() => Gelu<float>.Forward(x), dy => Gelu<float>.Backward(dy, x));
    }

    public static Differentiable AffineWithTransposedWeightGradient([Shape("N", "D")] Matrix<float> x, [Shape("D", "D")] Matrix<float> w,
        [Shape("D")] Vector<float> b) =>
        Differentiable.Of(() => x * w + Matrix<float>.Build.Dense(x.RowCount, w.ColumnCount, (_, c) => b[c]),
            dy => (dy * w.Transpose(), dy.TransposeThisAndMultiply(x), dy.ColumnSums()));
}
