namespace GradCheck.Tests.Precision;

/// <summary>
/// Elements far smaller than their step (1e-12 beside a step of 1e-5 in double; 1e-6 beside 5e-3 in float32) cannot be
/// moved symmetrically and exactly: they are moved about their value rounded to the step's spacing, with steps of the
/// usual size — never with the absurd steps that once hid a sign error there.
/// </summary>
public class TinyElementTests
{
    [Theory]
    [InlineData(1e-12)]
    [InlineData(-3.8e-9)]
    [InlineData(0.0)]
    public void A_double_input_with_a_tiny_element_passes_when_right_and_fails_on_a_sign_error(double tiny)
    {
        var w = Matrix<double>.Build.DenseOfArray(new[,] { { 0.8, tiny }, { -1.3, 0.4 } });
        var x = Matrix<double>.Build.DenseOfArray(new[,] { { 1.5, -0.5 }, { 0.25, 2.0 } });
        foreach (var sign in new[] { 1.0, -1.0 })
        {
            var layer = Differentiable.Of(() => (x * w).PointwiseTanh(), dy =>
            {
                var p = dy.PointwiseMultiply(1 - (x * w).PointwiseTanh().PointwisePower(2));
                return x.TransposeThisAndMultiply(p) * sign;
            }).WithInput(w);
            var expected = sign > 0 ? Verdict.Passed : Verdict.Failed;
            for (var seed = 0; seed < 10; seed++)
                Assert.Equal(expected, GradientCheck.Run(layer, new CheckOptions { Seed = seed }).Verdict);
            Assert.Equal(expected, GradientCheck.Run(layer, new CheckOptions { Seed = 1, Mode = CheckMode.Full }).Verdict);
        }

        Assert.Equal(tiny, w[0, 1]);
    }

    [Fact]
    public void A_float32_weight_with_a_tiny_element_is_checked_and_restored_bit_for_bit()
    {
        var w = Matrix<float>.Build.DenseOfArray(new[,] { { -0.841968f, -3.80546E-06f }, { 0.680587f, 0.222205f } });
        var x = Matrix<float>.Build.DenseOfArray(new[,] { { -1.00318f, 0.581076f }, { 2.23555f, 1.4842f } });
        var bits = w.ToColumnMajorArray().Select(BitConverter.SingleToInt32Bits).ToArray();
        Differentiable Layer(float sign) => Differentiable.Of(() => x * w, dy => x.TransposeThisAndMultiply(dy) * sign).WithInput(w);
        for (var seed = 0; seed < 20; seed++)
        {
            Assert.Equal(Verdict.Passed, GradientCheck.Run(Layer(1), new CheckOptions { Seed = seed }).Verdict);
            Assert.Equal(Verdict.Failed, GradientCheck.Run(Layer(-1), new CheckOptions { Seed = seed }).Verdict);
        }

        Assert.Equal(bits, w.ToColumnMajorArray().Select(BitConverter.SingleToInt32Bits));
    }
}
