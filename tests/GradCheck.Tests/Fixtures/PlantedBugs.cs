using GradCheck.TestInfrastructure.PlantedBugs;

namespace GradCheck.Tests.Fixtures;

/// <summary>
/// Realistic backward-pass bugs, each planted in an otherwise correct layer; the affine layer's come from the shared
/// catalogue <see cref="AffineBackwardBugs"/>.
/// </summary>
internal static class PlantedBugs
{
    /// <summary>dW = dYᵀ·x instead of xᵀ·dY: compiles because W is square (D = M).</summary>
    public static Differentiable WeightGradientTransposed(Random random, int n = 5, int d = 8)
    {
        var (x, w, b) = (Draw.Matrix(random, n, d), Draw.Matrix(random, d, d), Draw.Vector(random, d));
        return Affine(x, w, b, AffineBackwardBugs.WeightGradientTransposed);
    }

    /// <summary>The weight gradient with its sign flipped.</summary>
    public static Differentiable WeightGradientSignFlipped(Random random) => Affine(random, AffineBackwardBugs.WeightGradientSignFlipped);

    /// <summary>MSE's gradient without its 2: (z − y)/N.</summary>
    public static Differentiable MissingFactorTwo(Random random) =>
        Mse(random, (z, y) => (z - y) / z.RowCount);

    /// <summary>MSE's gradient without its 1/N: 2(z − y).</summary>
    public static Differentiable MissingOneOverN(Random random, int n = 4) =>
        Mse(random, (z, y) => 2 * (z - y), n);

    /// <summary>The bias gradient taken from the first row only, not summed over the batch.</summary>
    public static Differentiable BiasGradientFromFirstRow(Random random) => Affine(random, AffineBackwardBugs.BiasGradientFromFirstRow);

    /// <summary>The sigmoid's derivative computed from its output s: σ(s)(1 − σ(s)) instead of s(1 − s).</summary>
    public static Differentiable SigmoidFromWrongVariable(Random random)
    {
        var x = Draw.Matrix(random, 4, 5, 2);
        return Differentiable.Of(() => Activations.SigmoidForward(x),
                dout => Activations.SigmoidBackward(dout, Activations.SigmoidForward(x)))
            .WithInput(x);
    }

    /// <summary>The weight gradient off by a relative <paramref name="error"/>.</summary>
    public static Differentiable WeightGradientOffBy(Random random, double error) => Affine(random, AffineBackwardBugs.WeightGradientOffBy(error));

    /// <summary>Leaky ReLU whose backward uses slope 0.1 where the forward uses 0.01: wrong only for negative inputs.</summary>
    public static Differentiable WrongOnlyForNegativeInputs(Random random)
    {
        var x = Draw.AwayFromZero(random, 4, 6);
        return Differentiable.Of(() => Activations.LeakyReluForward(x, 0.01), dout => Activations.LeakyReluBackward(dout, x, 0.1))
            .WithInput(x);
    }

    /// <summary>The weight gradient forgotten: all zero.</summary>
    public static Differentiable WeightGradientZero(Random random) => Affine(random, AffineBackwardBugs.WeightGradientZero);

    private static Differentiable Affine(Random random, AffineBackwardBugs.Backward backward) =>
        Affine(Draw.Matrix(random, 6, 4), Draw.Matrix(random, 4, 3), Draw.Vector(random, 3), backward);

    private static Differentiable Affine(Matrix<double> x, Matrix<double> w, Vector<double> b, AffineBackwardBugs.Backward backward) =>
        Differentiable.Of(() => Samples.Affine.Forward(x, w, b), dout => backward(dout, x, w)).WithInput(x).WithInput(w).WithInput(b);

    private static Differentiable Mse(Random random, Func<Matrix<double>, Matrix<double>, Matrix<double>> gradient, int n = 5)
    {
        var (z, y) = (Draw.Matrix(random, n, 3), Draw.Matrix(random, n, 3));
        return Differentiable.Of(() => MeanSquaredError.Forward(z, y), dout => gradient(z, y) * dout).WithInput(z).WithConstant(y);
    }
}
