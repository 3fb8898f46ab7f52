namespace GradCheck.Xunit.Tests.Fixtures;

/// <summary>
/// Gradient properties of the affine layer, right and with planted bugs. No test attribute: the failing ones must not
/// be collected as tests of this project; the tests run them through <see cref="GradientProperty"/>.
/// </summary>
public static class AffineProperties
{
    public static Differentiable Correct([Shape("N", "D")] Matrix<double> x, [Shape("D", "M")] Matrix<double> w, [Shape("M")] Vector<double> b) =>
        Differentiable.Of(() => Affine.Forward(x, w, b), dout => AffineVariants.Correct(dout, x, w));

    public static Differentiable MissingTranspose([Shape("N", "D")] Matrix<double> x, [Shape("D", "M")] Matrix<double> w, [Shape("M")] Vector<double> b) =>
        Differentiable.Of(() => Affine.Forward(x, w, b), dout => AffineVariants.MissingTranspose(dout, x, w));

    public static Differentiable BiasNotSummed([Shape("N", "D")] Matrix<double> x, [Shape("D", "M")] Matrix<double> w, [Shape("M")] Vector<double> b) =>
        Differentiable.Of(() => Affine.Forward(x, w, b), dout => AffineVariants.BiasNotSummed(dout, x, w));

    public static Differentiable Sign([Shape("N", "D")] Matrix<double> x, [Shape("D", "M")] Matrix<double> w, [Shape("M")] Vector<double> b) =>
        Differentiable.Of(() => Affine.Forward(x, w, b), dout => AffineVariants.Sign(dout, x, w));

    public static Differentiable FactorTwo([Shape("N", "D")] Matrix<double> x, [Shape("D", "M")] Matrix<double> w, [Shape("M")] Vector<double> b) =>
        Differentiable.Of(() => Affine.Forward(x, w, b), dout => AffineVariants.FactorTwo(dout, x, w));
}
