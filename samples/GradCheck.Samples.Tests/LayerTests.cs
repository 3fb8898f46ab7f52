using GradCheck.Parameters;
namespace GradCheck.Samples.Tests;

/// <summary>The layer gallery, one [GradCheck] per layer: sizes come from the [Shape] symbols, values from FsCheck.</summary>
public class LayerTests
{
    [GradCheck]
    public Differentiable Affine_layer([Shape("N", "D")] Matrix<double> x, [Shape("D", "M")] Matrix<double> w, [Shape("M")] Vector<double> b) =>
        Differentiable.Of(() => Affine.Forward(x, w, b), dout => Affine.Backward(dout, x, w));

    [GradCheck]
    public Differentiable Sigmoid([Shape("N", "D")] Matrix<double> x) =>
        Differentiable.Of(() => Activations.SigmoidForward(x), dout => Activations.SigmoidBackward(dout, x));

    [GradCheck]
    public Differentiable Tanh([Shape("N", "D")] Matrix<double> x) =>
        Differentiable.Of(() => Activations.TanhForward(x), dout => Activations.TanhBackward(dout, x));

    // ReLU has a kink at 0: keep the inputs away from it.
    [GradCheck]
    public Differentiable Relu([AwayFrom(0), Shape("N", "D")] Matrix<double> x) =>
        Differentiable.Of(() => Activations.ReluForward(x), dout => Activations.ReluBackward(dout, x));

    [GradCheck]
    public Differentiable Leaky_relu([AwayFrom(0), Shape("N", "D")] Matrix<double> x, [Between(0.01, 0.3)] double slope) =>
        Differentiable.Of(() => Activations.LeakyReluForward(x, slope), dout => Activations.LeakyReluBackward(dout, x, slope));

    [GradCheck]
    public Differentiable Softmax_layer([Shape("N", "C")] Matrix<double> z) =>
        Differentiable.Of(() => Softmax.Forward(z), dout => Softmax.Backward(dout, z));

    // A scalar loss; the one-hot labels come from an FsCheck-drawn int, and are not differentiated.
    [GradCheck]
    public Differentiable Softmax_cross_entropy([Shape("N", "C")] Matrix<double> z, int labelSeed)
    {
        var random = new Random(labelSeed);
        var labels = Matrix<double>.Build.Dense(z.RowCount, z.ColumnCount);
        for (var r = 0; r < z.RowCount; r++) labels[r, random.Next(z.ColumnCount)] = 1;
        return Differentiable.Of(() => Softmax.CrossEntropyForward(z, labels), dout => Softmax.CrossEntropyBackward(dout, z, labels))
            .WithInput(z, "z");
    }

    [GradCheck]
    public Differentiable Mean_squared_error([Shape("N", "C")] Matrix<double> z, [Constant, Shape("N", "C")] Matrix<double> y) =>
        Differentiable.Of(() => MeanSquaredError.Forward(z, y), dout => MeanSquaredError.Backward(dout, z, y));

    // Batch statistics of a single row have zero variance: fix the batch to 4 rows.
    [GradCheck]
    public Differentiable Batch_norm([Shape("4", "D")] Matrix<double> x, [Shape("D")] Vector<double> gamma, [Shape("D")] Vector<double> beta) =>
        Differentiable.Of(() => Normalization.BatchNormForward(x, gamma, beta), dout => Normalization.BatchNormBackward(dout, x, gamma));

    [GradCheck]
    public Differentiable Layer_norm([Shape("N", "D")] Matrix<double> x, [Shape("D")] Vector<double> gamma, [Shape("D")] Vector<double> beta) =>
        Differentiable.Of(() => Normalization.LayerNormForward(x, gamma, beta), dout => Normalization.LayerNormBackward(dout, x, gamma));

    // A "valid" convolution: its output has L-K+1 columns, so it needs the sequence at least as long as the kernel.
    [GradCheck, Require("L >= K")]
    public Differentiable Convolution_1d([Shape("N", "L")] Matrix<double> x, [Shape("K")] Vector<double> w, [Shape("1")] Vector<double> b) =>
        Differentiable.Of(() => Convolution1D.Forward(x, w, b), dout => Convolution1D.Backward(dout, x, w));

    // The convolution's output, N × (L-K+1), weighted into a loss: a size derived from L and K in [Shape].
    [GradCheck, Require("L >= K")]
    public Differentiable Weighted_convolution_1d([Shape("N", "L")] Matrix<double> x, [Shape("K")] Vector<double> w, [Shape("1")] Vector<double> b,
        [Constant, Shape("N", "L-K+1")] Matrix<double> weights) =>
        Differentiable.Of(() => Convolution1D.Forward(x, w, b).PointwiseMultiply(weights).Enumerate().Sum(),
            dout => Convolution1D.Backward(weights * dout, x, w));

    // Two outputs, (h, c): the backward pass takes one upstream gradient for each.
    [GradCheck]
    public Differentiable Lstm_cell([Shape("N", "D")] Matrix<double> x, [Shape("N", "H")] Matrix<double> h, [Shape("N", "H")] Matrix<double> c,
        [Shape("D", "4*H")] Matrix<double> w, [Shape("H", "4*H")] Matrix<double> u, [Shape("4*H")] Vector<double> b) =>
        Differentiable.Of(() => LstmCell.Forward(x, h, c, w, u, b), (dh, dc) => LstmCell.Backward(dh, dc, x, h, c, w, u, b));

    // A float32 layer is checked in float32: steps, rounding and tolerances follow float's ε.
    [GradCheck]
    public Differentiable Gelu_in_float32([Shape("N", "D")] Matrix<float> x) =>
        Differentiable.Of(() => Gelu<float>.Forward(x), dout => Gelu<float>.Backward(dout, x));
}
