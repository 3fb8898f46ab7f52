using GradCheck.Tests.Fixtures;

namespace GradCheck.Tests.Engine;

/// <summary>
/// A double-backward pass checked through the same report (PyTorch's gradgradcheck): the backward pass of
/// y = tanh(x·W), seen as a function of its upstream gradient and the layer's inputs, against the hand-written
/// derivative of ⟨w, backward⟩.
/// </summary>
public class SecondOrderTests
{
    private static (Matrix<double> dx, Matrix<double> dW) Backward(Matrix<double> dy, Matrix<double> x, Matrix<double> w)
    {
        var y = (x * w).PointwiseTanh();
        var p = dy.PointwiseMultiply(1 - y.PointwiseMultiply(y));
        return (p * w.Transpose(), x.TransposeThisAndMultiply(p));
    }

    /// <summary>
    /// With D = 1 − y², P = dy ⊙ D and M = w_x·W + x·w_W: ∂/∂dy = M ⊙ D; R = M ⊙ dy ⊙ (−2y ⊙ D);
    /// ∂/∂x = R·Wᵀ + P·w_Wᵀ; ∂/∂W = xᵀ·R + w_xᵀ·P.
    /// </summary>
    private static (Matrix<double>, Matrix<double>, Matrix<double>) DoubleBackward(
        Matrix<double> wx, Matrix<double> wW, Matrix<double> dy, Matrix<double> x, Matrix<double> w, bool dropDirectTerm)
    {
        var y = (x * w).PointwiseTanh();
        var d = 1 - y.PointwiseMultiply(y);
        var p = dy.PointwiseMultiply(d);
        var m = wx * w + x * wW;
        var r = m.PointwiseMultiply(dy).PointwiseMultiply(-2 * y.PointwiseMultiply(d));
        var dx = r * w.Transpose() + (dropDirectTerm ? 0 * p : p) * wW.Transpose();
        return (m.PointwiseMultiply(d), dx, x.TransposeThisAndMultiply(r) + wx.TransposeThisAndMultiply(p));
    }

    private static Differentiable SecondOrder(int seed, bool dropDirectTerm = false)
    {
        var random = new Random(seed);
        var (x, w, dy) = (Draw.Matrix(random, 3, 4), Draw.Matrix(random, 4, 2, 0.5), Draw.Matrix(random, 3, 2));
        return Differentiable.OfBackward(upstream => Backward(upstream, x, w), dy,
                ws => DoubleBackward(ws.Matrix(0), ws.Matrix(1), dy, x, w, dropDirectTerm))
            .WithInput(x).WithInput(w);
    }

    [Fact]
    public void A_correct_double_backward_passes_on_every_draw_in_both_modes()
    {
        for (var seed = 0; seed < 15; seed++)
        {
            Assert.Equal(Verdict.Passed, GradientCheck.Run(SecondOrder(seed), new CheckOptions { Seed = seed }).Verdict);
            Assert.Equal(Verdict.Passed, GradientCheck.Run(SecondOrder(seed), new CheckOptions { Seed = seed, Mode = CheckMode.Full }).Verdict);
        }
    }

    [Fact]
    public void A_double_backward_missing_a_term_fails_on_the_input_it_belongs_to_and_names_it()
    {
        var result = GradientCheck.Run(SecondOrder(4, dropDirectTerm: true), new CheckOptions { Seed = 4 });
        Assert.Equal(Verdict.Failed, result.Verdict);
        Assert.Equal(["dy", "x", "w"], result.Inputs.Select(i => i.Name));
        Assert.Equal(["x"], result.Inputs.Where(i => i.Verdict == Verdict.Failed).Select(i => i.Name));
        Assert.Contains("Input 'x' (3×4 matrix)", result.Report);
    }
}
