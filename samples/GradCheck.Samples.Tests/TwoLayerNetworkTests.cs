using GradCheck.Parameters;
namespace GradCheck.Samples.Tests;

/// <summary>The two-layer network: the gradient of the loss with respect to all four parameters, at a fixed batch.</summary>
public class TwoLayerNetworkTests
{
    [GradCheck]
    public Differentiable Loss_gradients_of_all_parameters(
        [Shape("D", "H")] Matrix<double> w1, [Shape("H")] Vector<double> b1,
        [Shape("H", "C")] Matrix<double> w2, [Shape("C")] Vector<double> b2,
        [Constant, Shape("N", "D")] Matrix<double> x, [Constant, Shape("N", "C")] Matrix<double> y) =>
        // The network holds the drawn matrices themselves, so the checker's perturbations reach it.
        new TwoLayerNetwork(w1, b1, w2, b2).AsDifferentiable(x, y);
}
