namespace GradCheck.Tests.Fixtures;

/// <summary>The gallery's layers as checks with random sizes and inputs: correct forward and backward passes.</summary>
internal static class LayerCatalog
{
    public static readonly IReadOnlyDictionary<string, Func<Random, Differentiable>> Correct = new Dictionary<string, Func<Random, Differentiable>>
    {
        ["affine"] = random =>
        {
            int n = Draw.Size(random), d = Draw.Size(random), m = Draw.Size(random);
            var (x, w, b) = (Draw.Matrix(random, n, d), Draw.Matrix(random, d, m), Draw.Vector(random, m));
            return Differentiable.Of(() => Affine.Forward(x, w, b), dout => Affine.Backward(dout, x, w))
                .WithInput(x).WithInput(w).WithInput(b);
        },
        ["relu"] = random =>
        {
            var x = Draw.AwayFromZero(random, Draw.Size(random), Draw.Size(random));
            return Differentiable.Of(() => Activations.ReluForward(x), dout => Activations.ReluBackward(dout, x)).WithInput(x);
        },
        ["sigmoid"] = random =>
        {
            var x = Draw.Matrix(random, Draw.Size(random), Draw.Size(random), 2);
            return Differentiable.Of(() => Activations.SigmoidForward(x), dout => Activations.SigmoidBackward(dout, x)).WithInput(x);
        },
        ["tanh"] = random =>
        {
            var x = Draw.Matrix(random, Draw.Size(random), Draw.Size(random), 2);
            return Differentiable.Of(() => Activations.TanhForward(x), dout => Activations.TanhBackward(dout, x)).WithInput(x);
        },
        ["softmax"] = random =>
        {
            var z = Draw.Matrix(random, Draw.Size(random), Draw.Size(random), 2);
            return Differentiable.Of(() => Softmax.Forward(z), dout => Softmax.Backward(dout, z)).WithInput(z);
        },
        ["softmax cross-entropy"] = random =>
        {
            int n = Draw.Size(random), c = Draw.Size(random);
            var (z, labels) = (Draw.Matrix(random, n, c, 2), Draw.OneHot(random, n, c));
            return Differentiable.Of(() => Softmax.CrossEntropyForward(z, labels), dout => Softmax.CrossEntropyBackward(dout, z, labels))
                .WithInput(z).WithConstant(labels);
        },
        ["mse"] = random =>
        {
            int n = Draw.Size(random), c = Draw.Size(random);
            var (z, y) = (Draw.Matrix(random, n, c), Draw.Matrix(random, n, c));
            return Differentiable.Of(() => MeanSquaredError.Forward(z, y), dout => MeanSquaredError.Backward(dout, z, y))
                .WithInput(z).WithConstant(y);
        },
        ["batch norm"] = random =>
        {
            int n = Draw.Size(random) + 1, d = Draw.Size(random);
            var (x, gamma, beta) = (Draw.Matrix(random, n, d, 2), Draw.Vector(random, d), Draw.Vector(random, d));
            return Differentiable.Of(() => Normalization.BatchNormForward(x, gamma, beta), dout => Normalization.BatchNormBackward(dout, x, gamma))
                .WithInput(x).WithInput(gamma).WithInput(beta);
        },
        ["layer norm"] = random =>
        {
            int n = Draw.Size(random), d = Draw.Size(random) + 1;
            var (x, gamma, beta) = (Draw.Matrix(random, n, d, 2), Draw.Vector(random, d), Draw.Vector(random, d));
            return Differentiable.Of(() => Normalization.LayerNormForward(x, gamma, beta), dout => Normalization.LayerNormBackward(dout, x, gamma))
                .WithInput(x).WithInput(gamma).WithInput(beta);
        },
        ["conv1d"] = random =>
        {
            int n = Draw.Size(random), k = Draw.Size(random, 4), length = k + Draw.Size(random) - 1;
            var (x, w, b) = (Draw.Matrix(random, n, length), Draw.Vector(random, k), Draw.Vector(random, 1));
            return Differentiable.Of(() => Convolution1D.Forward(x, w, b), dout => Convolution1D.Backward(dout, x, w))
                .WithInput(x).WithInput(w).WithInput(b);
        },
        ["two-layer network"] = random =>
        {
            int n = Draw.Size(random), d = Draw.Size(random), h = Draw.Size(random), c = Draw.Size(random);
            var network = TwoLayerNetwork.Random(d, h, c, random);
            return network.AsDifferentiable(Draw.Matrix(random, n, d), Draw.Matrix(random, n, c));
        },
    };

    public static TheoryData<string> Names => new(Correct.Keys);
}
