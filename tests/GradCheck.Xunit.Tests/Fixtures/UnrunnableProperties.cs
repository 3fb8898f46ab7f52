namespace GradCheck.Xunit.Tests.Fixtures;

/// <summary>Property methods that cannot work, each for one reason; the runner must say which parameter or pass is at fault.</summary>
public static class UnrunnableProperties
{
    public static Differentiable UngeneratableParameter([Shape("N")] Vector<double> v, IDisposable resource) =>
        Differentiable.Of(() => v * 2, dout => dout * 2);

    public static Differentiable ComplexMatrix([Shape("N", "D")] Matrix<System.Numerics.Complex> x) =>
        throw new InvalidOperationException("never called");

    public static Differentiable MatrixWithOneDim([Shape("N")] Matrix<double> x) =>
        Differentiable.Of(() => x * 2, dout => dout * 2);

    public static Differentiable VectorWithTwoDims([Shape("N", "D")] Vector<double> bias) =>
        Differentiable.Of(() => bias * 2, dout => dout * 2);

    public static Differentiable ZeroLiteral([Shape("0", "D")] Matrix<double> x) =>
        Differentiable.Of(() => x * 2, dout => dout * 2);

    public static Differentiable TooFewGradients([Shape("N", "D")] Matrix<double> x, [Shape("D", "M")] Matrix<double> w) =>
        Differentiable.Of(() => x * w, dout => dout.TransposeAndMultiply(w));

    public static Differentiable GradientOfWrongShape([Shape("N", "D")] Matrix<double> x, [Shape("D", "M")] Matrix<double> w) =>
        Differentiable.Of(() => x * w, dout => (dout.TransposeAndMultiply(w), x.TransposeThisAndMultiply(dout).Transpose()));

    public static Differentiable ThrowsWhileBuilding([Shape("N")] Vector<double> v) =>
        throw new NotSupportedException("the layer is not configured");

    public static Differentiable ReturnsNull([Shape("N")] Vector<double> v) => null!;

    public static int WrongReturnType([Shape("N")] Vector<double> v) => v.Count;
}
