using GradCheck.TestInfrastructure.PlantedBugs;

namespace GradCheck.Xunit.Tests.Fixtures;

/// <summary>
/// Gradient properties of the affine layer, right and with bugs from the shared catalogue <see cref="AffineBackwardBugs"/>.
/// No test attribute: the failing ones must not be collected as tests of this project; the tests run them through
/// <see cref="GradientProperty"/>.
/// </summary>
public static class AffineProperties
{
    public static Differentiable Correct([Shape("N", "D")] Matrix<double> x, [Shape("D", "M")] Matrix<double> w, [Shape("M")] Vector<double> b) =>
        Of(x, w, b, AffineBackwardBugs.Correct);

    public static Differentiable InputGradientNotTransposed([Shape("N", "D")] Matrix<double> x, [Shape("D", "M")] Matrix<double> w,
        [Shape("M")] Vector<double> b) =>
        Of(x, w, b, AffineBackwardBugs.InputGradientNotTransposed);

    public static Differentiable BiasGradientFromFirstRow([Shape("N", "D")] Matrix<double> x, [Shape("D", "M")] Matrix<double> w,
        [Shape("M")] Vector<double> b) =>
        Of(x, w, b, AffineBackwardBugs.BiasGradientFromFirstRow);

    public static Differentiable InputGradientSignFlipped([Shape("N", "D")] Matrix<double> x, [Shape("D", "M")] Matrix<double> w,
        [Shape("M")] Vector<double> b) =>
        Of(x, w, b, AffineBackwardBugs.InputGradientSignFlipped);

    public static Differentiable WeightGradientDoubled([Shape("N", "D")] Matrix<double> x, [Shape("D", "M")] Matrix<double> w, [Shape("M")] Vector<double> b) =>
        Of(x, w, b, AffineBackwardBugs.WeightGradientDoubled);

    private static Differentiable Of(Matrix<double> x, Matrix<double> w, Vector<double> b, AffineBackwardBugs.Backward backward) =>
        Differentiable.Of(() => Affine.Forward(x, w, b), dout => backward(dout, x, w));
}
