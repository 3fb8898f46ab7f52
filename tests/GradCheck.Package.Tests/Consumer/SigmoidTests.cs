using GradCheck;
using MathNet.Numerics.LinearAlgebra;

namespace Consumer.Tests;

public class SigmoidTests
{
    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    [GradCheck]
    public Differentiable Sigmoid_correct([Shape("N", "D")] Matrix<double> x) =>
        Differentiable.Of(() => x.Map(Sigmoid), dout => dout.PointwiseMultiply(x.Map(z => Sigmoid(z) * (1 - Sigmoid(z)))));

    // Planted gradient bug: the derivative of the sigmoid is s·(1 − s), not s.
    [GradCheck]
    public Differentiable Sigmoid_with_a_planted_bug([Shape("N", "D")] Matrix<double> x) =>
        Differentiable.Of(() => x.Map(Sigmoid), dout => dout.PointwiseMultiply(x.Map(Sigmoid)));
}
