using System.Numerics.Tensors;

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
    /// <remarks>
    /// A stable log-sum-exp per row, computed column by column over MathNet's column-major storage with SIMD span
    /// operations: L = −(1/N)·(⟨Y, z⟩ − Σᵢ logsumexp(zᵢ)·Σc Yic).
    /// </remarks>
    public static double CrossEntropyForward([Shape("N", "C")] Matrix<double> z, [Shape("N", "C")] Matrix<double> labels)
    {
        int rows = z.RowCount, columns = z.ColumnCount;
        var logits = z.AsColumnMajorArray() ?? z.ToColumnMajorArray();
        var targets = labels.AsColumnMajorArray() ?? labels.ToColumnMajorArray();
        var rowMax = logits.AsSpan(0, rows).ToArray();
        for (var c = 1; c < columns; c++) TensorPrimitives.Max(rowMax, logits.AsSpan(c * rows, rows), rowMax);

        var sumExp = new double[rows];
        var labelSum = new double[rows];
        var shifted = new double[rows];
        for (var c = 0; c < columns; c++)
        {
            TensorPrimitives.Subtract(logits.AsSpan(c * rows, rows), rowMax, shifted);
            TensorPrimitives.Exp(shifted, shifted);
            TensorPrimitives.Add(sumExp, shifted, sumExp);
            TensorPrimitives.Add(labelSum, targets.AsSpan(c * rows, rows), labelSum);
        }

        TensorPrimitives.Log(sumExp, sumExp);
        TensorPrimitives.Add(sumExp, rowMax, sumExp);   // now logsumexp per row
        return -(TensorPrimitives.Dot(targets, logits) - TensorPrimitives.Dot(sumExp, labelSum)) / rows;
    }

    /// <summary>∂L/∂z = (softmax(z) − Y) / N.</summary>
    public static Matrix<double> CrossEntropyBackward(double dout, [Shape("N", "C")] Matrix<double> z, [Shape("N", "C")] Matrix<double> labels) =>
        (Forward(z) - labels) * (dout / z.RowCount);
}
