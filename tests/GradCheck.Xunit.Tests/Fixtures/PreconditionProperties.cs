using GradCheck.Parameters;

namespace GradCheck.Xunit.Tests.Fixtures;

/// <summary>Properties with preconditions: relations between sizes ([Require]) and between values (Sample.Require, Sample.Discard).</summary>
public static class PreconditionProperties
{
    /// <summary>Every sample the method sees satisfies the relation: it fails otherwise.</summary>
    [Require("L >= K")]
    public static Differentiable ValidConvolution([Shape("N", "L")] Matrix<double> x, [Shape("K")] Vector<double> w)
    {
        Assert.True(x.ColumnCount >= w.Count, $"L = {x.ColumnCount} < K = {w.Count} reached the method");
        return Differentiable.Of(() => Convolution1D.Forward(x, w, Vector<double>.Build.Dense(1)), dout =>
        {
            var (dx, dw, _) = Convolution1D.Backward(dout, x, w);
            return (dx, dw);
        });
    }

    /// <summary>The same convolution with the kernel's gradient doubled: it must fail and shrink to sizes that still satisfy L ≥ K + 1.</summary>
    [Require("L >= K + 1"), Require("N*L <= 40")]
    public static Differentiable ConvolutionWithDoubledKernelGradient([Shape("N", "L")] Matrix<double> x, [Shape("K")] Vector<double> w)
    {
        Assert.True(x.ColumnCount >= w.Count + 1 && x.RowCount * x.ColumnCount <= 40,
            $"N = {x.RowCount}, L = {x.ColumnCount}, K = {w.Count} reached the method");
        return Differentiable.Of(() => Convolution1D.Forward(x, w, Vector<double>.Build.Dense(1)), dout =>
        {
            var (dx, dw, _) = Convolution1D.Backward(dout, x, w);
            return (dx, 2 * dw);
        });
    }

    /// <summary>Relations between values, from inside the method: rows of x must not be nearly equal.</summary>
    public static Differentiable DistinctRows([Shape("N", "D")] Matrix<double> x)
    {
        Sample.Require(x.RowCount >= 2, "a single row");
        if (Math.Abs(x[0, 0] - x[1, 0]) < 0.5) Sample.Discard("first two rows close in column 0");
        Assert.True(x.RowCount >= 2 && Math.Abs(x[0, 0] - x[1, 0]) >= 0.5);
        return Differentiable.Of(() => Activations.TanhForward(x), dout => Activations.TanhBackward(dout, x));
    }

    /// <summary>Sample.Discard called from inside the forward pass: the engine's fault is read as a discard.</summary>
    public static Differentiable DiscardsInTheForwardPass([Shape("N", "D")] Matrix<double> x) =>
        Differentiable.Of(() =>
        {
            Sample.Require(x[0, 0] > 0, "x[0, 0] not positive");
            return Activations.TanhForward(x);
        }, dout => Activations.TanhBackward(dout, x));

    /// <summary>Discards every sample.</summary>
    public static Differentiable DiscardsEverything([Shape("N")] Vector<double> v)
    {
        Sample.Discard("nothing fits");
        return Differentiable.Of(() => v * 2, dout => dout * 2);
    }

    /// <summary>Misuse: a blank reason.</summary>
    public static Differentiable BlankReason([Shape("N")] Vector<double> v)
    {
        Sample.Require(v.Count > 0, " ");
        return Differentiable.Of(() => v * 2, dout => dout * 2);
    }

    [Require("L => K")]
    public static Differentiable NoRelation([Shape("N", "L")] Matrix<double> x) => Square(x);

    [Require("L >= Q")]
    public static Differentiable UnknownSymbol([Shape("N", "L")] Matrix<double> x) => Square(x);

    [Require("L >= N >= 2")]
    public static Differentiable TwoRelations([Shape("N", "L")] Matrix<double> x) => Square(x);

    [Require("L >= (N")]
    public static Differentiable MalformedSide([Shape("N", "L")] Matrix<double> x) => Square(x);

    [Require("N - 2 >= 0")]
    public static Differentiable ZeroBound([Shape("N", "L")] Matrix<double> x)
    {
        Assert.True(x.RowCount >= 2);
        return Square(x);
    }

    private static Differentiable Square(Matrix<double> x) =>
        Differentiable.Of(() => x.PointwiseMultiply(x).Enumerate().Sum(), dout => 2 * dout * x);
}
