using GradCheck.Parameters;

namespace GradCheck.Xunit.Tests.Fixtures;

/// <summary>Properties whose [Shape] dims exercise the one dim grammar at run time: "0", "N-1", " N" and "".</summary>
public static class DimGrammarProperties
{
    public static Differentiable ZeroLiteral([Shape("N", "0")] Matrix<double> x) => Square(x);

    public static Differentiable DerivedSize([Shape("N", "N-1")] Matrix<double> x) => Square(x);

    public static Differentiable LeadingSpace([Shape(" N", "D")] Matrix<double> x) => Square(x);

    public static Differentiable EmptyDim([Shape("N", "")] Matrix<double> x) => Square(x);

    /// <summary>A valid convolution: the output has L-K+1 columns, and samples with L &lt; K are discarded, not failed.</summary>
    public static Differentiable ValidConvolution(
        [Shape("N", "L")] Matrix<double> x, [Shape("K")] Vector<double> w, [Constant, Shape("N", "L-K+1")] Matrix<double> weights) =>
        Differentiable.Of(() => Convolution1D.Forward(x, w, Vector<double>.Build.Dense(1)).PointwiseMultiply(weights).Enumerate().Sum(),
            dout =>
            {
                var (dx, dw, _) = Convolution1D.Backward(weights * dout, x, w);
                return (dx, dw);
            });

    /// <summary>Integer literals beside symbols: x is N×3, v has 2 elements.</summary>
    public static Differentiable IntegerLiterals([Shape("N", 3)] Matrix<double> x, [Shape(2)] Vector<double> v)
    {
        Assert.Equal(3, x.ColumnCount);
        Assert.Equal(2, v.Count);
        return Differentiable.Of(() => x.PointwiseMultiply(x).Enumerate().Sum() + v.DotProduct(v), dout => (2 * dout * x, 2 * dout * v));
    }

    public static Differentiable FractionalLiteral([Shape("N", 2.5)] Matrix<double> x) => Square(x);

    public static Differentiable NegativeLiteral([Shape("N", -2)] Matrix<double> x) => Square(x);

    private static Differentiable Square(Matrix<double> x) =>
        Differentiable.Of(() => x.PointwiseMultiply(x).Enumerate().Sum(), dout => 2 * dout * x);
}
