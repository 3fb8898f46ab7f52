namespace GradCheck.Xunit.Tests.Documented;

/// <summary>The README's first [GradCheck] example, as printed there (the attribute left off: it must fail).</summary>
public class AffineTests
{
    public Differentiable Affine([Shape("N", "D")] Matrix<double> x, [Shape("D", "M")] Matrix<double> w, [Shape("M")] Vector<double> b) =>
        Differentiable.Of(() => Samples.Affine.Forward(x, w, b), dout =>
        {
            var (dx, dw, _) = Samples.Affine.Backward(dout, x, w);
            return (dx, dw, dout.Row(0));          // bug: not summed over the batch
        });
}
