using System.Collections.Concurrent;
using GradCheck.Parameters;

namespace GradCheck.Xunit.Tests.Fixtures;

/// <summary>Properties over the [Magnitudes] domain: one records what it is given; correct affine and layer norm layers.</summary>
public static class MagnitudeProperties
{
    /// <summary>Per call of <see cref="Records"/>: x's mean, spread (largest minus smallest) and largest magnitude.</summary>
    public static readonly ConcurrentQueue<(double Mean, double Spread, double Largest)> Drawn = new();

    public static Differentiable Records([Magnitudes, Shape("N", "D")] Matrix<double> x, [Magnitudes] double c)
    {
        var values = x.Enumerate().ToArray();
        Drawn.Enqueue((values.Average(), values.Max() - values.Min(), values.Max(Math.Abs)));
        Assert.True(double.IsFinite(c) && Math.Abs(c) <= 1e3 + 1 + 2e4);
        return Differentiable.Of(() => c * x.Enumerate().Sum(), dout => dout * c * Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount, 1));
    }

    public static Differentiable Affine([Magnitudes, Shape("N", "D")] Matrix<double> x, [Magnitudes, Shape("D", "M")] Matrix<double> w,
        [Magnitudes, Shape("M")] Vector<double> b) =>
        Differentiable.Of(() => Samples.Affine.Forward(x, w, b), dout => Samples.Affine.Backward(dout, x, w));

    /// <summary>A layer norm feels an offset with a small spread the most: it keeps only the spread's digits.</summary>
    public static Differentiable LayerNorm(
        [Magnitudes, Shape("N", "D")] Matrix<double> x, [Shape("D")] Vector<double> gamma, [Shape("D")] Vector<double> beta) =>
        Differentiable.Of(() => Samples.Normalization.LayerNormForward(x, gamma, beta), dout => Samples.Normalization.LayerNormBackward(dout, x, gamma));

    public static Differentiable BadScales([Magnitudes(MinScale = 10, MaxScale = 1), Shape("N")] Vector<double> v) =>
        Differentiable.Of(() => v * 2, dout => dout * 2);

    public static Differentiable BadSpread([Magnitudes(MinSpread = 0), Shape("N")] Vector<double> v) =>
        Differentiable.Of(() => v * 2, dout => dout * 2);
}
