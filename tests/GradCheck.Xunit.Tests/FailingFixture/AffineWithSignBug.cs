using GradCheck;
using GradCheck.Samples;
using MathNet.Numerics.LinearAlgebra;

namespace FailingFixture;

public class AffineWithSignBug
{
    [GradCheck(DisplayName = "affine with a sign bug")]
    public Differentiable Sign_bug([Shape("N", "D")] Matrix<double> x, [Shape("D", "M")] Matrix<double> w, [Shape("M")] Vector<double> b) =>
        Differentiable.Of(() => Affine.Forward(x, w, b),
            dout => (-dout.TransposeAndMultiply(w), x.TransposeThisAndMultiply(dout), dout.ColumnSums()));

    [GradCheck]
    public Differentiable Correct([Shape("N", "D")] Matrix<double> x, [Shape("D", "M")] Matrix<double> w, [Shape("M")] Vector<double> b) =>
        Differentiable.Of(() => Affine.Forward(x, w, b), dout => Affine.Backward(dout, x, w));

    [GradCheck(Skip = "skipped on purpose")]
    public Differentiable Skipped([Shape("N")] Vector<double> v) => Differentiable.Of(() => v * 2, dout => dout);

    [GradCheck(Timeout = 200)]
    public void Too_slow([Shape("N")] Vector<double> v) => Task.Delay(100, Xunit.TestContext.Current.CancellationToken).Wait();
}
