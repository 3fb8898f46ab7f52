using MathNet.Numerics.Distributions;

namespace GradCheck.Bench;

/// <summary>
/// Large inputs: y = x·W with x 8×1000 and W 1000×1000 (a million weights), both differentiated. Apart from
/// <see cref="Scenarios"/> so that the BenchmarkDotNet classes that do not use it do not draw a million numbers.
/// </summary>
public sealed class LargeScenario
{
    /// <summary>The one wrong element of dW in the failing variant, and the factor it is off by.</summary>
    /// <remarks>
    /// A factor keeps the bug linear in the upstream gradient, as any backward pass is (an offset would be caught by PyTorch's
    /// separate check that a zero upstream gives zero gradients, not by its Jacobian comparison). Elements of dW are about 3 in
    /// size, and a random directional probe over a million elements sees one element's error at about 10⁻³ of its size: a
    /// hundredfold element stands out, a doubled one would need the full check's two million forward passes.
    /// </remarks>
    public const int WrongRow = 617, WrongColumn = 383;
    public const double WrongFactor = 100;

    public LargeScenario()
    {
        var random = new Random(1000);
        X = Matrix<double>.Build.Random(8, 1000, new Normal(0, 1, random));
        W = Matrix<double>.Build.Random(1000, 1000, new Normal(0, 1, random));
    }

    public Matrix<double> X { get; }
    public Matrix<double> W { get; }

    public Differentiable Linear() => Product(wrongElement: false);

    /// <summary>The same product whose backward gets exactly one of dW's million elements wrong.</summary>
    public Differentiable LinearWithOneWrongElement() => Product(wrongElement: true);

    private Differentiable Product(bool wrongElement) =>
        Differentiable.Of(() => X * W, dout =>
            {
                var dW = X.TransposeThisAndMultiply(dout);
                if (wrongElement) dW[WrongRow, WrongColumn] *= WrongFactor;
                return (dout.TransposeAndMultiply(W), dW);
            })
            .WithInput(X, "x").WithInput(W, "W");
}
