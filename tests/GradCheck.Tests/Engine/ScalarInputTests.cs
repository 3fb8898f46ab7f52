using GradCheck.Tests.Fixtures;

namespace GradCheck.Tests.Engine;

/// <summary>Scalar inputs (a leaky ReLU's slope, a temperature) are checked like matrix elements, through a <see cref="Scalar"/> box.</summary>
public class ScalarInputTests
{
    public static TheoryData<CheckMode> Modes => new(CheckMode.Default, CheckMode.Full);

    // y = leaky(x) with a learnable slope: ∂L/∂slope = Σ dY ∘ min(x, 0).
    private static Differentiable LeakyRelu(Matrix<double> x, Scalar slope, Func<Matrix<double>, double>? slopeGradient = null) =>
        Differentiable.Of(() => x.Map(v => v > 0 ? v : slope.Value * v),
                dout => (dout.PointwiseMultiply(x.Map(v => v > 0 ? 1.0 : slope.Value)),
                         slopeGradient?.Invoke(dout) ?? dout.PointwiseMultiply(x.Map(v => v > 0 ? 0 : v)).Enumerate().Sum()))
            .WithInput(x).WithInput(slope);

    [Theory, MemberData(nameof(Modes))]
    public void Correct_scalar_gradient_passes(CheckMode mode)
    {
        var result = GradientCheck.Run(LeakyRelu(Draw.AwayFromZero(new Random(1), 4, 3), new Scalar(0.2)), new CheckOptions { Mode = mode });
        Assert.Equal(Verdict.Passed, result.Verdict);
        Assert.Contains("Input 'slope' (scalar): passed", result.Report);
    }

    [Theory, MemberData(nameof(Modes))]
    public void Wrong_scalar_gradient_is_caught_and_named(CheckMode mode)
    {
        var x = Draw.AwayFromZero(new Random(2), 4, 3);
        var result = GradientCheck.Run(LeakyRelu(x, new Scalar(0.2), dout => dout.PointwiseMultiply(x).Enumerate().Sum()),
            new CheckOptions { Mode = mode });
        Assert.Equal(Verdict.Failed, result.Verdict);
        var slope = Assert.Single(result.Inputs, i => i.Verdict == Verdict.Failed);
        Assert.Equal("slope", slope.Name);
        Assert.Equal(TensorKind.Scalar, slope.Kind);
        Assert.Contains("Input 'slope' (scalar): 1 of 1 elements wrong", result.Report);
    }

    [Fact]
    public void Scalar_is_restored_bit_for_bit()
    {
        var slope = new Scalar(0.1 + 0.2);
        var before = BitConverter.DoubleToInt64Bits(slope.Value);
        GradientCheck.Run(LeakyRelu(Draw.AwayFromZero(new Random(3), 2, 2), slope), new CheckOptions { Mode = CheckMode.Full });
        Assert.Equal(before, BitConverter.DoubleToInt64Bits(slope.Value));
    }

    [Fact]
    public void Vector_gradient_for_a_scalar_input_is_a_shape_fault()
    {
        var x = Vector<double>.Build.Dense([0.5, -1.5]);
        var scale = new Scalar(2);
        var result = GradientCheck.Run(Differentiable.Of(() => x * scale.Value, dout => (dout * scale.Value, dout.PointwiseMultiply(x)))
            .WithInput(x).WithInput(scale));
        Assert.Equal(FaultKind.WrongGradientShape, result.Fault?.Kind);
        Assert.Contains("The gradient of 'scale' is a vector of length 2; expected a double, 'scale' being a scalar.", result.Report);
    }
}
