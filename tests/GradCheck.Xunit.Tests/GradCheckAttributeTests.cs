namespace GradCheck.Xunit.Tests;

/// <summary>
/// [GradCheck] as users write it, run by xUnit itself: each must pass, and a broken adapter (arguments not drawn, the
/// Differentiable not checked) makes them fail rather than pass silently.
/// </summary>
public class GradCheckAttributeTests
{
    [GradCheck]
    public Differentiable Affine_layer([Shape("N", "D")] Matrix<double> x, [Shape("D", "M")] Matrix<double> w, [Shape("M")] Vector<double> b)
    {
        Assert.Equal((x.RowCount, x.ColumnCount), (x.RowCount, w.RowCount));
        Assert.Equal(w.ColumnCount, b.Count);
        return Differentiable.Of(() => Affine.Forward(x, w, b), dout => Affine.Backward(dout, x, w));
    }

    [GradCheck(Samples = 20, MaxDimension = 4, Mode = CheckMode.Full, DisplayName = "Sigmoid, element by element, small")]
    public static Differentiable Sigmoid([Shape("N", "D")] Matrix<double> x)
    {
        Assert.InRange(x.RowCount, 1, 4);
        return Differentiable.Of(() => Activations.SigmoidForward(x), dout => Activations.SigmoidBackward(dout, x));
    }

    [GradCheck(Samples = 30)]
    public void A_void_method_checking_itself([Shape("N", "C")] Matrix<double> z, [Shape("N", "C")] Matrix<double> y) =>
        GradientCheck.Assert(Differentiable.Of(() => MeanSquaredError.Forward(z, y), dout => MeanSquaredError.Backward(dout, z, y))
            .WithInput(z).WithConstant(y));

    [GradCheck(Samples = 30, Timeout = 30_000)]
    public async Task<Differentiable> An_async_method_with_a_timeout([Shape("N", "D")] Matrix<double> x)
    {
        await Task.Yield();
        TestContext.Current.CancellationToken.ThrowIfCancellationRequested();
        return Differentiable.Of(() => Activations.TanhForward(x), dout => Activations.TanhBackward(dout, x));
    }
}

/// <summary>[GradCheck] in a class with defaults: the sizes stay within the class's MaxDimension, the method's Samples win.</summary>
[PropertyDefaults(MaxDimension = 3, Samples = 500)]
public class GradCheckAttributeWithClassDefaultsTests
{
    private static int calls;

    [GradCheck(Samples = 25)]
    public static Differentiable Sizes_stay_within_the_classs_MaxDimension([Shape("N", "D")] Matrix<double> x)
    {
        Assert.InRange(x.RowCount, 1, 3);
        Assert.InRange(x.ColumnCount, 1, 3);
        Assert.InRange(Interlocked.Increment(ref calls), 1, 25); // the method's 25 samples, not the class's 500
        return Differentiable.Of(() => Activations.TanhForward(x), dout => Activations.TanhBackward(dout, x));
    }
}
