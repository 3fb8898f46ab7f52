using GradCheck;
using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace Consumer.Tests;

// The plain API called from an xUnit v3 test, as users do next to [GradCheck]: it must draw no xUnit analyzer warning
// (xUnit1051 fires on calls to methods that take a CancellationToken, so the token is an option, not a parameter).
public class PlainApiTests
{
    [Fact]
    public void Square_through_the_plain_property_runner()
    {
        var result = GradientProperty.Run(Square, new PropertyOptions { Samples = 20, CancellationToken = TestContext.Current.CancellationToken });
        Assert.True(result.Passed, result.Message);
    }

    private static Differentiable Square([Shape("N")] Vector<double> v) =>
        Differentiable.Of(() => v * v, dout => 2 * dout * v);
}
