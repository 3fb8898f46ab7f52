namespace GradCheck.Samples;

/// <summary>
/// A two-layer network: h1 = x·W1 + b1, z1 = σ(h1), z2 = z1·W2 + b2, L = (1/N)·‖z2 − y‖²_F.
/// </summary>
public sealed class TwoLayerNetwork
{
    /// <summary>Creates a network with the given parameters.</summary>
    public TwoLayerNetwork(Matrix<double> w1, Vector<double> b1, Matrix<double> w2, Vector<double> b2)
    {
        W1 = w1;
        B1 = b1;
        W2 = w2;
        B2 = b2;
    }

    /// <summary>First layer's weights.</summary>
    [Shape("D", "H")] public Matrix<double> W1 { get; }

    /// <summary>First layer's bias.</summary>
    [Shape("H")] public Vector<double> B1 { get; }

    /// <summary>Second layer's weights.</summary>
    [Shape("H", "C")] public Matrix<double> W2 { get; }

    /// <summary>Second layer's bias.</summary>
    [Shape("C")] public Vector<double> B2 { get; }

    /// <summary>A network with standard-normal weights scaled by 1/√fan-in, for sizes D → H → C.</summary>
    public static TwoLayerNetwork Random(int inputs, int hidden, int outputs, Random random)
    {
        Matrix<double> Weights(int rows, int columns) =>
            Matrix<double>.Build.Dense(rows, columns, (_, _) => Normal(random) / Math.Sqrt(rows));
        return new TwoLayerNetwork(
            Weights(inputs, hidden), Vector<double>.Build.Dense(hidden, _ => 0.1 * Normal(random)),
            Weights(hidden, outputs), Vector<double>.Build.Dense(outputs, _ => 0.1 * Normal(random)));
    }

    /// <summary>The loss on a batch x (N×D) with targets y (N×C).</summary>
    public double Loss([Shape("N", "D")] Matrix<double> x, [Shape("N", "C")] Matrix<double> y)
    {
        var z1 = Activations.SigmoidForward(Affine.Forward(x, W1, B1));
        var z2 = Affine.Forward(z1, W2, B2);
        return MeanSquaredError.Forward(z2, y);
    }

    /// <summary>The gradients of the loss with respect to (W1, b1, W2, b2), by the chain rule backwards.</summary>
    public (Matrix<double> dW1, Vector<double> dB1, Matrix<double> dW2, Vector<double> dB2) Backward(
        [Shape("N", "D")] Matrix<double> x, [Shape("N", "C")] Matrix<double> y)
    {
        var h1 = Affine.Forward(x, W1, B1);
        var z1 = Activations.SigmoidForward(h1);
        var z2 = Affine.Forward(z1, W2, B2);

        var dz2 = MeanSquaredError.Backward(1.0, z2, y);
        var dW2 = z1.TransposeThisAndMultiply(dz2);
        var dB2 = dz2.ColumnSums();
        var dz1 = dz2.TransposeAndMultiply(W2);
        var dh1 = Activations.SigmoidBackward(dz1, h1);
        var dW1 = x.TransposeThisAndMultiply(dh1);
        var dB1 = dh1.ColumnSums();
        return (dW1, dB1, dW2, dB2);
    }

    /// <summary>The network as a <see cref="Differentiable"/> of its four parameters, at a fixed batch.</summary>
    public Differentiable AsDifferentiable(Matrix<double> x, Matrix<double> y) =>
        Differentiable.Of(() => Loss(x, y), _ => Backward(x, y))
            .WithInput(W1, "W1").WithInput(B1, "b1").WithInput(W2, "W2").WithInput(B2, "b2")
            .WithConstant(x, "x").WithConstant(y, "y");

    private static double Normal(Random random) => MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1);
}
