namespace GradCheck.Samples;

/// <summary>L = (1/N)·‖z − y‖²_F, the two-layer network's loss.</summary>
public static class MeanSquaredError
{
    /// <summary>The loss.</summary>
    public static double Forward([Shape("N", "C")] Matrix<double> z, [Shape("N", "C")] Matrix<double> y)
    {
        var diff = z - y;
        return diff.PointwiseMultiply(diff).Enumerate().Sum() / z.RowCount;
    }

    /// <summary>∂L/∂z = (2/N)(z − y).</summary>
    public static Matrix<double> Backward(double dout, [Shape("N", "C")] Matrix<double> z, [Shape("N", "C")] Matrix<double> y) =>
        (z - y) * (2.0 * dout / z.RowCount);
}
