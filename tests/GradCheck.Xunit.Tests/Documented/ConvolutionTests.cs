using GradCheck.Parameters;

namespace GradCheck.Xunit.Tests.Documented;

/// <summary>The README's valid convolution with a size relation, run with Verbose (the attribute left off: the documents' producer runs it).</summary>
public class ConvolutionTests
{
    [Require("L >= K")]
    public Differentiable Valid_convolution([Shape("N", "L")] Matrix<double> x, [Shape("K")] Vector<double> w, [Shape(1)] Vector<double> b) =>
        Differentiable.Of(() => Convolution1D.Forward(x, w, b), dout => Convolution1D.Backward(dout, x, w));
}
