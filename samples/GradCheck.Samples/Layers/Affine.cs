namespace GradCheck.Samples;

/// <summary>y = x·W + b, with b added to every row.</summary>
public static class Affine
{
    /// <summary>The forward pass.</summary>
    [return: Shape("N", "M")]
    public static Matrix<double> Forward([Shape("N", "D")] Matrix<double> x, [Shape("D", "M")] Matrix<double> w, [Shape("M")] Vector<double> b)
    {
        var y = x * w;
        for (var r = 0; r < y.RowCount; r++) y.SetRow(r, y.Row(r) + b);
        return y;
    }

    /// <summary>∂L/∂x = dY·Wᵀ, ∂L/∂W = xᵀ·dY, ∂L/∂b = column sums of dY (b is shared by the whole batch).</summary>
    public static (Matrix<double> dx, Matrix<double> dw, Vector<double> db) Backward(
        [Shape("N", "M")] Matrix<double> dout, [Shape("N", "D")] Matrix<double> x, [Shape("D", "M")] Matrix<double> w) =>
        (dout.TransposeAndMultiply(w), x.TransposeThisAndMultiply(dout), dout.ColumnSums());
}
