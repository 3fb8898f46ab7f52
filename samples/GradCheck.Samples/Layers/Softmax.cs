namespace GradCheck.Samples;

/// <summary>Row-wise softmax, and the softmax cross-entropy loss over a batch.</summary>
public static class Softmax
{
    /// <summary>softmax of each row, shifted by the row's maximum for stability.</summary>
    [return: Shape("N", "C")]
    public static Matrix<double> Forward([Shape("N", "C")] Matrix<double> z)
    {
        var y = z.Clone();
        for (var r = 0; r < y.RowCount; r++)
        {
            var row = z.Row(r);
            var exp = (row - row.Maximum()).PointwiseExp();
            y.SetRow(r, exp / exp.Sum());
        }

        return y;
    }

    /// <summary>∂L/∂z = y ∘ (dY − rowsum(dY ∘ y)).</summary>
    public static Matrix<double> Backward([Shape("N", "C")] Matrix<double> dout, [Shape("N", "C")] Matrix<double> z)
    {
        var y = Forward(z);
        var dz = y.Clone();
        for (var r = 0; r < y.RowCount; r++)
        {
            var yr = y.Row(r);
            var dr = dout.Row(r);
            dz.SetRow(r, yr.PointwiseMultiply(dr - dr.DotProduct(yr)));
        }

        return dz;
    }

    /// <summary>L = −(1/N) Σᵢ Σc Yic·log softmax(z)ic, for one-hot (or probability) labels Y.</summary>
    /// <remarks>One pass per row over the storage with a stable log-sum-exp: no intermediate matrices.</remarks>
    public static double CrossEntropyForward([Shape("N", "C")] Matrix<double> z, [Shape("N", "C")] Matrix<double> labels)
    {
        int rows = z.RowCount, columns = z.ColumnCount;
        double loss = 0;
        for (var r = 0; r < rows; r++)
        {
            var max = double.NegativeInfinity;
            for (var c = 0; c < columns; c++) max = Math.Max(max, z.At(r, c));
            double sum = 0;
            for (var c = 0; c < columns; c++) sum += Math.Exp(z.At(r, c) - max);
            var logSum = max + Math.Log(sum);
            for (var c = 0; c < columns; c++)
            {
                var label = labels.At(r, c);
                if (label != 0) loss -= label * (z.At(r, c) - logSum);
            }
        }

        return loss / rows;
    }

    /// <summary>∂L/∂z = (softmax(z) − Y) / N.</summary>
    public static Matrix<double> CrossEntropyBackward(double dout, [Shape("N", "C")] Matrix<double> z, [Shape("N", "C")] Matrix<double> labels) =>
        (Forward(z) - labels) * (dout / z.RowCount);
}
