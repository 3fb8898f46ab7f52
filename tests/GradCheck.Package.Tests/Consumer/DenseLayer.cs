using GradCheck;
using MathNet.Numerics.LinearAlgebra;

namespace Consumer.Tests;

public static class DenseLayer
{
    public static Matrix<double> Forward([Shape("N", "D")] Matrix<double> x, [Shape("D", "H")] Matrix<double> w) => x * w;

    // Planted shape bug (GC0001 expected on the product below): dW is xᵀ·dy, but this multiplies (N×D)·(N×H).
    public static Matrix<double> WeightGradient([Shape("N", "D")] Matrix<double> x, [Shape("N", "H")] Matrix<double> dy) =>
        x * dy;
}
