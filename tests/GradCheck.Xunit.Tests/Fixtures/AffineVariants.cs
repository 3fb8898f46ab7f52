namespace GradCheck.Xunit.Tests.Fixtures;

/// <summary>The affine layer's backward pass, right and with each planted bug (forward: Affine.Forward from the samples).</summary>
public static class AffineVariants
{
    public static object Correct(Matrix<double> dout, Matrix<double> x, Matrix<double> w) => Affine.Backward(dout, x, w);

    /// <summary>dx = dY·W instead of dY·Wᵀ.</summary>
    public static object MissingTranspose(Matrix<double> dout, Matrix<double> x, Matrix<double> w) =>
        (dout * w, x.TransposeThisAndMultiply(dout), dout.ColumnSums());

    /// <summary>db = the first row of dY instead of the column sums: right only for a batch of one.</summary>
    public static object BiasNotSummed(Matrix<double> dout, Matrix<double> x, Matrix<double> w) =>
        (dout.TransposeAndMultiply(w), x.TransposeThisAndMultiply(dout), dout.Row(0));

    /// <summary>dx with the wrong sign.</summary>
    public static object Sign(Matrix<double> dout, Matrix<double> x, Matrix<double> w) =>
        (-dout.TransposeAndMultiply(w), x.TransposeThisAndMultiply(dout), dout.ColumnSums());

    /// <summary>dW twice too large.</summary>
    public static object FactorTwo(Matrix<double> dout, Matrix<double> x, Matrix<double> w) =>
        (dout.TransposeAndMultiply(w), 2 * x.TransposeThisAndMultiply(dout), dout.ColumnSums());
}
