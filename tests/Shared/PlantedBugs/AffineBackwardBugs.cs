using GradCheck.Samples;
using MathNet.Numerics.LinearAlgebra;

namespace GradCheck.TestInfrastructure.PlantedBugs;

/// <summary>
/// The one catalogue of bugs planted in the affine layer's backward pass (y = x·W + b), shared by the engine's tests and
/// the [GradCheck] tests: each returns (dx, dW, db) for the upstream gradient dY, named after what it gets wrong.
/// </summary>
public static class AffineBackwardBugs
{
    /// <summary>A backward pass: the gradients of x, W and b, in that order.</summary>
    public delegate (Matrix<double> Dx, Matrix<double> Dw, Vector<double> Db) Backward(Matrix<double> dout, Matrix<double> x, Matrix<double> w);

    /// <summary>No bug: dx = dY·Wᵀ, dW = xᵀ·dY, db = column sums of dY.</summary>
    public static (Matrix<double>, Matrix<double>, Vector<double>) Correct(Matrix<double> dout, Matrix<double> x, Matrix<double> w) =>
        Affine.Backward(dout, x, w);

    /// <summary>dx = dY·W instead of dY·Wᵀ (compiles only when W is square).</summary>
    public static (Matrix<double>, Matrix<double>, Vector<double>) InputGradientNotTransposed(Matrix<double> dout, Matrix<double> x, Matrix<double> w) =>
        (dout * w, x.TransposeThisAndMultiply(dout), dout.ColumnSums());

    /// <summary>dW = dYᵀ·x instead of xᵀ·dY: the transpose of the right gradient (compiles only when W is square).</summary>
    public static (Matrix<double>, Matrix<double>, Vector<double>) WeightGradientTransposed(Matrix<double> dout, Matrix<double> x, Matrix<double> w) =>
        (dout.TransposeAndMultiply(w), dout.TransposeThisAndMultiply(x), dout.ColumnSums());

    /// <summary>dx with its sign flipped.</summary>
    public static (Matrix<double>, Matrix<double>, Vector<double>) InputGradientSignFlipped(Matrix<double> dout, Matrix<double> x, Matrix<double> w) =>
        (-dout.TransposeAndMultiply(w), x.TransposeThisAndMultiply(dout), dout.ColumnSums());

    /// <summary>dW with its sign flipped.</summary>
    public static (Matrix<double>, Matrix<double>, Vector<double>) WeightGradientSignFlipped(Matrix<double> dout, Matrix<double> x, Matrix<double> w) =>
        (dout.TransposeAndMultiply(w), -x.TransposeThisAndMultiply(dout), dout.ColumnSums());

    /// <summary>dW twice too large.</summary>
    public static (Matrix<double>, Matrix<double>, Vector<double>) WeightGradientDoubled(Matrix<double> dout, Matrix<double> x, Matrix<double> w) =>
        (dout.TransposeAndMultiply(w), 2 * x.TransposeThisAndMultiply(dout), dout.ColumnSums());

    /// <summary>dW forgotten: all zero.</summary>
    public static (Matrix<double>, Matrix<double>, Vector<double>) WeightGradientZero(Matrix<double> dout, Matrix<double> x, Matrix<double> w) =>
        (dout.TransposeAndMultiply(w), 0 * x.TransposeThisAndMultiply(dout), dout.ColumnSums());

    /// <summary>db = the first row of dY instead of its column sums: right only for a batch of one.</summary>
    public static (Matrix<double>, Matrix<double>, Vector<double>) BiasGradientFromFirstRow(Matrix<double> dout, Matrix<double> x, Matrix<double> w) =>
        (dout.TransposeAndMultiply(w), x.TransposeThisAndMultiply(dout), dout.Row(0));

    /// <summary>dW off by a relative <paramref name="error"/> (1 + error times the right one).</summary>
    public static Backward WeightGradientOffBy(double error) =>
        (dout, x, w) => (dout.TransposeAndMultiply(w), (1 + error) * x.TransposeThisAndMultiply(dout), dout.ColumnSums());
}
