namespace GradCheck.Tests.Fixtures;

/// <summary>Realistic backward-pass bugs, each planted in an otherwise correct layer.</summary>
internal static class PlantedBugs
{
    /// <summary>dW = dYᵀ·x instead of xᵀ·dY: compiles because W is square (D = M).</summary>
    public static Differentiable MissingTranspose(Random random, int n = 5, int d = 8)
    {
        var (x, w, b) = (Draw.Matrix(random, n, d), Draw.Matrix(random, d, d), Draw.Vector(random, d));
        return Differentiable.Of(() => Affine.Forward(x, w, b), dout =>
            {
                var (dx, _, db) = Affine.Backward(dout, x, w);
                return (dx, dout.TransposeThisAndMultiply(x), db);
            })
            .WithInput(x).WithInput(w).WithInput(b);
    }

    /// <summary>The weight gradient with its sign flipped.</summary>
    public static Differentiable Sign(Random random) => AffineWith(random, (dx, dw, db) => (dx, -dw, db));

    /// <summary>MSE's gradient without its 2: (z − y)/N.</summary>
    public static Differentiable MissingFactorTwo(Random random) =>
        Mse(random, (z, y) => (z - y) / z.RowCount);

    /// <summary>MSE's gradient without its 1/N: 2(z − y).</summary>
    public static Differentiable MissingOneOverN(Random random, int n = 4) =>
        Mse(random, (z, y) => 2 * (z - y), n);

    /// <summary>The bias gradient taken from the first row only, not summed over the batch.</summary>
    public static Differentiable BiasNotSummed(Random random) =>
        AffineWith(random, (dx, dw, db) => (dx, dw, db), biasGradient: dout => dout.Row(0));

    /// <summary>The sigmoid's derivative computed from its output s: σ(s)(1 − σ(s)) instead of s(1 − s).</summary>
    public static Differentiable SigmoidFromWrongVariable(Random random)
    {
        var x = Draw.Matrix(random, 4, 5, 2);
        return Differentiable.Of(() => Activations.SigmoidForward(x),
                dout => Activations.SigmoidBackward(dout, Activations.SigmoidForward(x)))
            .WithInput(x);
    }

    /// <summary>The weight gradient off by a relative <paramref name="error"/>.</summary>
    public static Differentiable RelativeError(Random random, double error) =>
        AffineWith(random, (dx, dw, db) => (dx, dw * (1 + error), db));

    /// <summary>Leaky ReLU whose backward uses slope 0.1 where the forward uses 0.01: wrong only for negative inputs.</summary>
    public static Differentiable WrongOnlyForNegativeInputs(Random random)
    {
        var x = Draw.AwayFromZero(random, 4, 6);
        return Differentiable.Of(() => Activations.LeakyReluForward(x, 0.01), dout => Activations.LeakyReluBackward(dout, x, 0.1))
            .WithInput(x);
    }

    /// <summary>The weight gradient forgotten: all zero.</summary>
    public static Differentiable ZeroGradient(Random random) =>
        AffineWith(random, (dx, dw, db) => (dx, dw * 0, db));

    private static Differentiable AffineWith(Random random,
        Func<Matrix<double>, Matrix<double>, Vector<double>, (Matrix<double>, Matrix<double>, Vector<double>)> plant,
        Func<Matrix<double>, Vector<double>>? biasGradient = null)
    {
        var (x, w, b) = (Draw.Matrix(random, 6, 4), Draw.Matrix(random, 4, 3), Draw.Vector(random, 3));
        return Differentiable.Of(() => Affine.Forward(x, w, b), dout =>
            {
                var (dx, dw, db) = Affine.Backward(dout, x, w);
                return plant(dx, dw, biasGradient?.Invoke(dout) ?? db);
            })
            .WithInput(x).WithInput(w).WithInput(b);
    }

    private static Differentiable Mse(Random random, Func<Matrix<double>, Matrix<double>, Matrix<double>> gradient, int n = 5)
    {
        var (z, y) = (Draw.Matrix(random, n, 3), Draw.Matrix(random, n, 3));
        return Differentiable.Of(() => MeanSquaredError.Forward(z, y), dout => gradient(z, y) * dout).WithInput(z).WithConstant(y);
    }
}
