using GradCheck.Parameters;

namespace GradCheck.Xunit.Tests.Fixtures;

/// <summary>Properties of a class with defaults: 17 samples, sizes up to 3, values in [0.5, 1].</summary>
[PropertyDefaults(Samples = 17, MaxDimension = 3), Between(0.5, 1)]
public static class DefaultsProperties
{
    public static Differentiable Square([Shape("N", "D")] Matrix<double> x)
    {
        Assert.InRange(x.RowCount, 1, 3);
        Assert.All(x.Enumerate(), v => Assert.InRange(v, 0.5, 1));
        return Of(x);
    }

    /// <summary>Its own domain overrides the class's.</summary>
    public static Differentiable SquareOfNegatives([Between(-1, -0.5), Shape("N", "D")] Matrix<double> x)
    {
        Assert.All(x.Enumerate(), v => Assert.InRange(v, -1, -0.5));
        return Of(x);
    }

    public static Differentiable Of(Matrix<double> x) => Differentiable.Of(() => x.PointwiseMultiply(x).Enumerate().Sum(), dout => 2 * dout * x);
}

/// <summary>A class whose defaults cannot work.</summary>
[PropertyDefaults(Samples = 0)]
public static class BadDefaultsProperties
{
    public static Differentiable Square([Shape("N", "D")] Matrix<double> x) => DefaultsProperties.Of(x);
}

/// <summary>A class with two default domains.</summary>
[Positive, Between(0, 1)]
public static class TwoDomainsProperties
{
    public static Differentiable Square([Shape("N", "D")] Matrix<double> x) => DefaultsProperties.Of(x);
}

/// <summary>A derived class inherits its base's defaults.</summary>
public class DerivedDefaultsProperties : DefaultsBase
{
    public static Differentiable Square([Shape("N", "D")] Matrix<double> x)
    {
        Assert.InRange(x.RowCount, 1, 2);
        return DefaultsProperties.Of(x);
    }
}

[PropertyDefaults(MaxDimension = 2, DistinctSizes = false)]
public abstract class DefaultsBase;

/// <summary>A class whose default domain cannot be drawn.</summary>
[Between(2, 1)]
public static class BadDomainProperties
{
    public static Differentiable Square([Shape("N", "D")] Matrix<double> x) => DefaultsProperties.Of(x);
}
