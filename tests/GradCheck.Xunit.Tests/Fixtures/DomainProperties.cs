using GradCheck.Parameters;
namespace GradCheck.Xunit.Tests.Fixtures;

/// <summary>Layers defined or differentiable only on part of the line, with and without a value domain.</summary>
public static class DomainProperties
{
    public static Differentiable LogOfPositive([Positive, Shape("N", "D")] Matrix<double> x) => Log(x);

    public static Differentiable LogOfAnything([Shape("N", "D")] Matrix<double> x) => Log(x);

    public static Differentiable ReluAwayFromKink([AwayFrom(0), Shape("N", "D")] Matrix<double> x) => Relu(x);

    /// <summary>ReLU of x minus its drawn value: every sample sits exactly on the kink (a hair away would be smooth).</summary>
    public static Differentiable ReluOnKink([Shape("N", "D")] Matrix<double> x)
    {
        var drawn = x.Clone();
        return Differentiable.Of(() => Activations.ReluForward(x - drawn), dout => Activations.ReluBackward(dout, x - drawn));
    }

    public static Differentiable SqrtInRange([Between(0.5, 4), Shape("N")] Vector<double> v)
    {
        Assert.All(v, e => Assert.InRange(e, 0.5, 4));
        return Differentiable.Of(() => v.PointwiseSqrt(), dout => dout.PointwiseDivide(2 * v.PointwiseSqrt()));
    }

    private static Differentiable Log(Matrix<double> x) =>
        Differentiable.Of(() => x.PointwiseLog(), dout => dout.PointwiseDivide(x));

    private static Differentiable Relu(Matrix<double> x) =>
        Differentiable.Of(() => Activations.ReluForward(x), dout => Activations.ReluBackward(dout, x));
}
