namespace GradCheck.Xunit.Tests.Documented;

/// <summary>docs/five-minutes.md's failing test: the sigmoid's derivative written as s instead of s·(1 − s).</summary>
public class SigmoidTests
{
    public Differentiable Sigmoid_with_a_planted_bug([Shape("N", "D")] Matrix<double> x) =>
        Differentiable.Of(() => Activations.SigmoidForward(x), dout => dout.PointwiseMultiply(Activations.SigmoidForward(x)));
}
