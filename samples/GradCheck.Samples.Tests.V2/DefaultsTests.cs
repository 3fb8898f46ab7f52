using GradCheck.Parameters;
namespace GradCheck.Samples.Tests.V2;

/// <summary>
/// Settings for every [GradCheck] of a class, set once (xUnit v2 reads them as v3 does): sizes up to 6 and values in
/// [−1, 1] here; a method's own settings override them. A Verbose pass writes what was drawn to the test output.
/// </summary>
[PropertyDefaults(MaxDimension = 6, Samples = 60), Between(-1, 1)]
public class DefaultsTests
{
    [GradCheck(Verbose = true)]
    public Differentiable Sigmoid_with_the_classs_defaults([Shape("N", "D")] Matrix<double> x)
    {
        Assert.InRange(x.RowCount, 1, 6);
        Assert.All(x.Enumerate(), v => Assert.InRange(v, -1, 1));
        return Differentiable.Of(() => Activations.SigmoidForward(x), dout => Activations.SigmoidBackward(dout, x));
    }

    // A valid convolution needs the sequence at least as long as the kernel.
    [GradCheck(Samples = 40), Require("L >= K")]
    public Differentiable Convolution([Shape("N", "L")] Matrix<double> x, [Shape("K")] Vector<double> w, [Shape(1)] Vector<double> b)
    {
        Assert.True(x.ColumnCount >= w.Count);
        return Differentiable.Of(() => Convolution1D.Forward(x, w, b), dout => Convolution1D.Backward(dout, x, w));
    }

    // A loss on the convolution's output: its weights have the output's shape, N × (L-K+1), a size derived from L and K.
    [GradCheck, Require("L >= K")]
    public Differentiable Convolution_weighted_loss([Shape("N", "L")] Matrix<double> x, [Shape("K")] Vector<double> w,
        [Constant, Shape("N", "L-K+1")] Matrix<double> weights) =>
        Differentiable.Of(() => Convolution1D.Forward(x, w, Vector<double>.Build.Dense(1)).PointwiseMultiply(weights).Enumerate().Sum(), dout =>
        {
            var (dx, dw, _) = Convolution1D.Backward(dout * weights, x, w);
            return (dx, dw);
        });
}
