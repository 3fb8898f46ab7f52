namespace GradCheck.Samples;

/// <summary>
/// Batch normalisation (each column over the batch) and layer normalisation (each row over its features), in training
/// mode: x̂ = (x − μ)/√(σ² + ε), y = γ∘x̂ + β.
/// </summary>
public static class Normalization
{
    /// <summary>The ε added to the variance.</summary>
    public const double Epsilon = 1e-5;

    /// <summary>Batch norm forward: statistics per column.</summary>
    [return: Shape("N", "D")]
    public static Matrix<double> BatchNormForward([Shape("N", "D")] Matrix<double> x, [Shape("D")] Vector<double> gamma, [Shape("D")] Vector<double> beta) =>
        LayerNormForward(x.Transpose(), gamma, beta, perRow: false).Transpose();

    /// <summary>Batch norm backward: (dx, dγ, dβ).</summary>
    public static (Matrix<double> dx, Vector<double> dgamma, Vector<double> dbeta) BatchNormBackward(
        [Shape("N", "D")] Matrix<double> dout, [Shape("N", "D")] Matrix<double> x, [Shape("D")] Vector<double> gamma)
    {
        var (dxT, dgamma, dbeta) = LayerNormBackward(dout.Transpose(), x.Transpose(), gamma, perRow: false);
        return (dxT.Transpose(), dgamma, dbeta);
    }

    /// <summary>Layer norm forward: statistics per row; γ and β per feature (column).</summary>
    [return: Shape("N", "D")]
    public static Matrix<double> LayerNormForward([Shape("N", "D")] Matrix<double> x, [Shape("D")] Vector<double> gamma, [Shape("D")] Vector<double> beta) =>
        LayerNormForward(x, gamma, beta, perRow: true);

    /// <summary>Layer norm backward: (dx, dγ, dβ).</summary>
    public static (Matrix<double> dx, Vector<double> dgamma, Vector<double> dbeta) LayerNormBackward(
        [Shape("N", "D")] Matrix<double> dout, [Shape("N", "D")] Matrix<double> x, [Shape("D")] Vector<double> gamma) =>
        LayerNormBackward(dout, x, gamma, perRow: true);

    // Normalises each row of x. Batch norm reuses it on xᵀ, where the affine parameters then run along rows.
    private static Matrix<double> LayerNormForward(Matrix<double> x, Vector<double> gamma, Vector<double> beta, bool perRow)
    {
        var y = x.Clone();
        for (var r = 0; r < x.RowCount; r++)
        {
            var (xhat, _) = Normalize(x.Row(r));
            y.SetRow(r, perRow ? xhat.PointwiseMultiply(gamma) + beta : xhat * gamma[r] + beta[r]);
        }

        return y;
    }

    private static (Matrix<double> dx, Vector<double> dgamma, Vector<double> dbeta) LayerNormBackward(
        Matrix<double> dout, Matrix<double> x, Vector<double> gamma, bool perRow)
    {
        var dx = x.Clone();
        var dgamma = Vector<double>.Build.Dense(gamma.Count);
        var dbeta = Vector<double>.Build.Dense(gamma.Count);
        for (var r = 0; r < x.RowCount; r++)
        {
            var (xhat, inverseStd) = Normalize(x.Row(r));
            var dy = dout.Row(r);
            var dxhat = perRow ? dy.PointwiseMultiply(gamma) : dy * gamma[r];
            if (perRow)
            {
                dgamma += dy.PointwiseMultiply(xhat);
                dbeta += dy;
            }
            else
            {
                dgamma[r] = dy.DotProduct(xhat);
                dbeta[r] = dy.Sum();
            }

            var n = xhat.Count;
            dx.SetRow(r, (dxhat * n - dxhat.Sum() - xhat * dxhat.DotProduct(xhat)) * (inverseStd / n));
        }

        return (dx, dgamma, dbeta);
    }

    private static (Vector<double> Xhat, double InverseStd) Normalize(Vector<double> v)
    {
        var mean = v.Average();
        var centred = v - mean;
        var variance = centred.DotProduct(centred) / v.Count;
        var inverseStd = 1.0 / Math.Sqrt(variance + Epsilon);
        return (centred * inverseStd, inverseStd);
    }
}
