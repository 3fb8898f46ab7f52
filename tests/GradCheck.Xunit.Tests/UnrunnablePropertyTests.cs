using GradCheck.Xunit.Tests.Fixtures;

namespace GradCheck.Xunit.Tests;

/// <summary>What cannot work is a clear failure naming the culprit, never a crash or a silent pass.</summary>
public class UnrunnablePropertyTests
{
    [Theory]
    [InlineData(nameof(UnrunnableProperties.UngeneratableParameter), PropertyOutcome.Invalid, "Parameter 'resource' of type IDisposable cannot be generated")]
    [InlineData(nameof(UnrunnableProperties.FloatMatrix), PropertyOutcome.Invalid, "Parameter 'x' is a Matrix<Single>")]
    [InlineData(nameof(UnrunnableProperties.MatrixWithOneDim), PropertyOutcome.Invalid, "Parameter 'x' is a Matrix<double> but its [Shape] has 1 dim (\"N\"); it needs 2")]
    [InlineData(nameof(UnrunnableProperties.VectorWithTwoDims), PropertyOutcome.Invalid, "Parameter 'bias' is a Vector<double> but its [Shape] has 2 dims")]
    [InlineData(nameof(UnrunnableProperties.ZeroLiteral), PropertyOutcome.Invalid, "Parameter 'x' has the dim \"0\"")]
    [InlineData(nameof(UnrunnableProperties.TooFewGradients), PropertyOutcome.Failed, "WrongGradientCount")]
    [InlineData(nameof(UnrunnableProperties.GradientOfWrongShape), PropertyOutcome.Failed, "WrongGradientShape")]
    [InlineData(nameof(UnrunnableProperties.ThrowsWhileBuilding), PropertyOutcome.Failed, "'ThrowsWhileBuilding' threw NotSupportedException: the layer is not configured")]
    [InlineData(nameof(UnrunnableProperties.ReturnsNull), PropertyOutcome.Failed, "'ReturnsNull' returned null")]
    [InlineData(nameof(UnrunnableProperties.WrongReturnType), PropertyOutcome.Invalid, "returns Int32")]
    public void An_unrunnable_property_fails_with_the_culprit_named(string method, PropertyOutcome outcome, string expected)
    {
        var result = GradCheckProperty.Check(typeof(UnrunnableProperties), method, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(outcome, result.Outcome);
        Assert.Contains(expected, result.Message);
    }

    [Fact]
    public void A_wrong_gradient_shape_names_the_input()
    {
        var result = GradCheckProperty.Check(typeof(UnrunnableProperties), nameof(UnrunnableProperties.GradientOfWrongShape),
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("w", result.Check?.Fault?.InputName);
    }

    [Fact]
    public void Assert_throws_with_the_same_message()
    {
        var exception = Assert.Throws<GradCheckPropertyException>(() => GradCheckProperty.Assert(UnrunnableProperties.ThrowsWhileBuilding));

        Assert.Contains("the layer is not configured", exception.Message);
        Assert.IsType<NotSupportedException>(exception.InnerException);
    }

    [Fact]
    public void Too_many_distinct_symbols_for_the_largest_size_is_a_settings_error()
    {
        var result = GradCheckProperty.Check(typeof(AffineProperties), nameof(AffineProperties.Correct), new GradCheckSettings { MaxDimension = 2 },
            TestContext.Current.CancellationToken);

        Assert.Equal(PropertyOutcome.Invalid, result.Outcome);
        Assert.Contains("3 size symbols (N, D, M)", result.Message);
    }
}
