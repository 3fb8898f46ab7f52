using GradCheck.Xunit.Tests.Infrastructure;
using GradCheck.Xunit.Tests.Fixtures;

namespace GradCheck.Xunit.Tests;

/// <summary>What cannot work is a clear failure naming the culprit, never a crash or a silent pass.</summary>
public class UnrunnablePropertyTests
{
    [Theory]
    [InlineData(nameof(UnrunnableProperties.UngeneratableParameter), PropertyVerdict.Invalid, "Parameter 'resource' of type IDisposable cannot be generated")]
    [InlineData(nameof(UnrunnableProperties.ComplexMatrix), PropertyVerdict.Invalid, "Parameter 'x' is a Matrix<Complex>")]
    [InlineData(nameof(UnrunnableProperties.MatrixWithOneDim), PropertyVerdict.Invalid,
        "Parameter 'x' is a Matrix<double> but its [Shape] has 1 dim (\"N\"); it needs 2")]
    [InlineData(nameof(UnrunnableProperties.VectorWithTwoDims), PropertyVerdict.Invalid, "Parameter 'bias' is a Vector<double> but its [Shape] has 2 dims")]
    [InlineData(nameof(UnrunnableProperties.ZeroLiteral), PropertyVerdict.Invalid, "Parameter 'x' has the dim \"0\"")]
    [InlineData(nameof(UnrunnableProperties.TooFewGradients), PropertyVerdict.Failed, "WrongGradientCount")]
    [InlineData(nameof(UnrunnableProperties.GradientOfWrongShape), PropertyVerdict.Failed, "WrongGradientShape")]
    [InlineData(nameof(UnrunnableProperties.ThrowsWhileBuilding), PropertyVerdict.Failed,
        "'ThrowsWhileBuilding' threw NotSupportedException: the layer is not configured")]
    [InlineData(nameof(UnrunnableProperties.ReturnsNull), PropertyVerdict.Failed, "'ReturnsNull' returned null")]
    [InlineData(nameof(UnrunnableProperties.WrongReturnType), PropertyVerdict.Invalid, "returns Int32")]
    public void An_unrunnable_property_fails_with_the_culprit_named(string method, PropertyVerdict outcome, string expected)
    {
        var result = GradientProperty.Run(typeof(UnrunnableProperties), method, Cancellable.Options());

        Assert.Equal(outcome, result.Verdict);
        Assert.Contains(expected, result.Message);
    }

    [Fact]
    public void A_wrong_gradient_shape_names_the_input()
    {
        var result = GradientProperty.Run(typeof(UnrunnableProperties), nameof(UnrunnableProperties.GradientOfWrongShape), Cancellable.Options());

        Assert.Equal("w", result.Check?.Fault?.InputName);
    }

    [Fact]
    public void Assert_throws_with_the_same_message()
    {
        var exception = Assert.Throws<GradientPropertyException>(() => GradientProperty.Assert(UnrunnableProperties.ThrowsWhileBuilding));

        Assert.Contains("the layer is not configured", exception.Message);
        Assert.IsType<NotSupportedException>(exception.InnerException);
    }

    [Fact]
    public void Too_many_distinct_symbols_for_the_largest_size_is_a_settings_error()
    {
        var result = GradientProperty.Run(typeof(AffineProperties), nameof(AffineProperties.Correct),
            Cancellable.Options(new PropertyOptions { MaxDimension = 2 }));

        Assert.Equal(PropertyVerdict.Invalid, result.Verdict);
        Assert.Contains("3 size symbols (N, D, M)", result.Message);
    }
}
