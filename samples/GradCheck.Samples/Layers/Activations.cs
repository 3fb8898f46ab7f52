namespace GradCheck.Samples;

/// <summary>Element-wise activations: y = ω(x), and ∂L/∂x = ∂L/∂y ∘ ω′(x).</summary>
public static class Activations
{
    /// <summary>The logistic sigmoid of one value.</summary>
    public static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));

    /// <summary>ReLU forward.</summary>
    public static Matrix<double> ReluForward(Matrix<double> x) => x.Map(v => Math.Max(0, v));

    /// <summary>ReLU backward: the upstream gradient where x &gt; 0, else 0.</summary>
    public static Matrix<double> ReluBackward(Matrix<double> dout, Matrix<double> x) =>
        dout.PointwiseMultiply(x.Map(v => v > 0 ? 1.0 : 0.0));

    /// <summary>Sigmoid forward.</summary>
    public static Matrix<double> SigmoidForward(Matrix<double> x) => x.Map(Sigmoid);

    /// <summary>Sigmoid backward: σ′(x) = σ(x)(1 − σ(x)), from the sigmoid's input x.</summary>
    public static Matrix<double> SigmoidBackward(Matrix<double> dout, Matrix<double> x) =>
        dout.PointwiseMultiply(x.Map(v => Sigmoid(v) * (1 - Sigmoid(v))));

    /// <summary>Tanh forward.</summary>
    public static Matrix<double> TanhForward(Matrix<double> x) => x.Map(Math.Tanh);

    /// <summary>Tanh backward: 1 − tanh²(x).</summary>
    public static Matrix<double> TanhBackward(Matrix<double> dout, Matrix<double> x) =>
        dout.PointwiseMultiply(x.Map(v => 1 - Math.Tanh(v) * Math.Tanh(v)));

    /// <summary>Leaky ReLU forward: x for x &gt; 0, slope·x otherwise.</summary>
    public static Matrix<double> LeakyReluForward(Matrix<double> x, double slope = 0.01) => x.Map(v => v > 0 ? v : slope * v);

    /// <summary>Leaky ReLU backward.</summary>
    public static Matrix<double> LeakyReluBackward(Matrix<double> dout, Matrix<double> x, double slope = 0.01) =>
        dout.PointwiseMultiply(x.Map(v => v > 0 ? 1.0 : slope));
}
