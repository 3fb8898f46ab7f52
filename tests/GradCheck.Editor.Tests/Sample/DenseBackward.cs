using GradCheck;
using MathNet.Numerics.LinearAlgebra;

namespace EditorSample;

public static class DenseBackward
{
    // The shape bug the test fixes through the editor: dW is xᵀ·dy, but this multiplies (N×D)·(N×H) — GC0001.
    public static Matrix<double> WeightGradient([Shape("N", "D")] Matrix<double> x, [Shape("N", "H")] Matrix<double> dy) =>
        x * dy;

    // A second bug the test leaves alone (GC0002): its warning staying put shows the analyzer ran on the edited text.
    public static Matrix<double> Gate([Shape("N", "D")] Matrix<double> x, [Shape("N", "H")] Matrix<double> dy) =>
        x.PointwiseMultiply(dy);
}
