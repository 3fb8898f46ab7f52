using GradCheck;
using MathNet.Numerics.LinearAlgebra;

namespace FailingFixture;

/// <summary>A passing [GradCheck] with Verbose, in a class whose defaults set the sizes: its output gives the statistics.</summary>
[PropertyDefaults(MaxDimension = 3)]
public class VerboseAndDefaults
{
    [GradCheck(Samples = 12, Verbose = true)]
    public Differentiable Verbose_pass([Shape("N", "D")] Matrix<double> x) =>
        Differentiable.Of(() => x.PointwiseMultiply(x).Enumerate().Sum(), dout => 2 * dout * x);
}
