using GradCheck.Parameters;
namespace GradCheck.Samples.Tests.V2;

/// <summary>[GradCheck] in an xUnit v2 project: the same attribute and settings as in v3.</summary>
public class LayerTests
{
    [GradCheck]
    public Differentiable Affine_layer([Shape("N", "D")] Matrix<double> x, [Shape("D", "M")] Matrix<double> w, [Shape("M")] Vector<double> b) =>
        Differentiable.Of(() => Affine.Forward(x, w, b), dout => Affine.Backward(dout, x, w));

    [GradCheck(Samples = 50, DisplayName = "Two-layer network, 50 samples", Timeout = 60_000)]
    public Differentiable Two_layer_network(
        [Shape("D", "H")] Matrix<double> w1, [Shape("H")] Vector<double> b1,
        [Shape("H", "C")] Matrix<double> w2, [Shape("C")] Vector<double> b2,
        [Constant, Shape("N", "D")] Matrix<double> x, [Constant, Shape("N", "C")] Matrix<double> y) =>
        new TwoLayerNetwork(w1, b1, w2, b2).AsDifferentiable(x, y);

    [GradCheck]
    public static void Tanh_checking_itself([Shape("N", "D")] Matrix<double> x) =>
        GradientCheck.Assert(Differentiable.Of(() => Activations.TanhForward(x), dout => Activations.TanhBackward(dout, x)).WithInput(x));
}
