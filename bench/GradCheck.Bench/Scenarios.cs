using MathNet.Numerics.Distributions;

namespace GradCheck.Bench;

/// <summary>The benchmark workloads, built once with fixed seeds so every run measures the same inputs.</summary>
public sealed class Scenarios
{
    private readonly Random random = new(42);

    // One thread, as the PyTorch reference figures were taken; MathNet's parallel products only add contention at these sizes.
    static Scenarios() => MathNet.Numerics.Control.UseSingleThread();

    public Scenarios()
    {
        // The two-layer network of samples/GradCheck.Samples: N=32, D=64, H=64, C=10 → 64·64 + 64 + 64·10 + 10 = 4,810 parameters.
        Network = TwoLayerNetwork.Random(64, 64, 10, random);
        NetworkX = Normal(32, 64);
        NetworkY = Normal(32, 10);
        // A linear layer y = x·W at N=32, D=128, M=64, both inputs differentiated (4,096 + 8,192 elements).
        LinearX = Normal(32, 128);
        LinearW = Normal(128, 64);
        // Softmax cross-entropy over 64×100 logits.
        Logits = Normal(64, 100);
        Labels = Matrix<double>.Build.Dense(64, 100);
        for (var r = 0; r < 64; r++) Labels[r, random.Next(100)] = 1;
    }

    public TwoLayerNetwork Network { get; }
    public Matrix<double> NetworkX { get; }
    public Matrix<double> NetworkY { get; }
    public Matrix<double> LinearX { get; }
    public Matrix<double> LinearW { get; }
    public Matrix<double> Logits { get; }
    public Matrix<double> Labels { get; }

    public Differentiable NetworkCorrect() => Network.AsDifferentiable(NetworkX, NetworkY);

    /// <summary>The network with a missing transpose in dW1 (W1 is square, so it compiles).</summary>
    public Differentiable NetworkWithBug() =>
        Differentiable.Of(() => Network.Loss(NetworkX, NetworkY), _ =>
            {
                var (dW1, dB1, dW2, dB2) = Network.Backward(NetworkX, NetworkY);
                return (dW1.Transpose(), dB1, dW2, dB2);
            })
            .WithInput(Network.W1, "W1").WithInput(Network.B1, "b1").WithInput(Network.W2, "W2").WithInput(Network.B2, "b2");

    /// <summary>The network over fresh copies of its parameters at each call: a full check then uses both cores.</summary>
    public Func<Differentiable> NetworkFactory() => () =>
        new TwoLayerNetwork(Network.W1.Clone(), Network.B1.Clone(), Network.W2.Clone(), Network.B2.Clone())
            .AsDifferentiable(NetworkX, NetworkY);

    /// <summary>The linear layer over fresh copies of x and W at each call.</summary>
    public Func<Differentiable> LinearFactory() => () =>
    {
        var (x, w) = (LinearX.Clone(), LinearW.Clone());
        return Differentiable.Of(() => x * w, dout => (dout.TransposeAndMultiply(w), x.TransposeThisAndMultiply(dout)))
            .WithInput(x, "x").WithInput(w, "W");
    };

    /// <summary>Softmax cross-entropy over fresh copies of the logits at each call.</summary>
    public Func<Differentiable> SoftmaxCrossEntropyFactory() => () =>
    {
        var logits = Logits.Clone();
        return Differentiable.Of(() => Softmax.CrossEntropyForward(logits, Labels), dout => Softmax.CrossEntropyBackward(dout, logits, Labels))
            .WithInput(logits, "logits").WithConstant(Labels, "labels");
    };

    public Differentiable Linear() =>
        Differentiable.Of(() => LinearX * LinearW, dout => (dout.TransposeAndMultiply(LinearW), LinearX.TransposeThisAndMultiply(dout)))
            .WithInput(LinearX, "x").WithInput(LinearW, "W");

    public Differentiable SoftmaxCrossEntropy() =>
        Differentiable.Of(() => Softmax.CrossEntropyForward(Logits, Labels), dout => Softmax.CrossEntropyBackward(dout, Logits, Labels))
            .WithInput(Logits, "logits").WithConstant(Labels, "labels");

    /// <summary>What a full check must at least spend: 2n + 1 bare forward passes of the network, nothing else.</summary>
    public double NetworkBareEvaluations()
    {
        var parameters = 4810;
        double sink = 0;
        for (var i = 0; i < 2 * parameters + 1; i++) sink += Network.Loss(NetworkX, NetworkY);
        return sink;
    }

    /// <summary>The same for the linear layer: 2n + 1 bare products x·W.</summary>
    public double LinearBareEvaluations()
    {
        var elements = LinearX.RowCount * LinearX.ColumnCount + LinearW.RowCount * LinearW.ColumnCount;
        double sink = 0;
        for (var i = 0; i < 2 * elements + 1; i++) sink += (LinearX * LinearW)[0, 0];
        return sink;
    }

    private Matrix<double> Normal(int rows, int columns) =>
        Matrix<double>.Build.Random(rows, columns, new Normal(0, 1, random));
}
