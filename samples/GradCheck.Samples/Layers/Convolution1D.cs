namespace GradCheck.Samples;

/// <summary>A 1-D "valid" convolution (cross-correlation, as in deep learning): y[i] = Σk x[i + k]·w[k] + b.</summary>
public static class Convolution1D
{
    /// <summary>The forward pass over each row (a sequence) of x.</summary>
    public static Matrix<double> Forward(Matrix<double> x, Vector<double> w, Vector<double> b)
    {
        var outputLength = x.ColumnCount - w.Count + 1;
        var y = Matrix<double>.Build.Dense(x.RowCount, outputLength);
        for (var n = 0; n < x.RowCount; n++)
            for (var i = 0; i < outputLength; i++)
            {
                var sum = b[0];
                for (var k = 0; k < w.Count; k++) sum += x[n, i + k] * w[k];
                y[n, i] = sum;
            }

        return y;
    }

    /// <summary>∂L/∂x[i + k] += dY[i]·w[k]; ∂L/∂w[k] = Σ dY[i]·x[i + k]; ∂L/∂b = Σ dY.</summary>
    public static (Matrix<double> dx, Vector<double> dw, Vector<double> db) Backward(Matrix<double> dout, Matrix<double> x, Vector<double> w)
    {
        var dx = Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount);
        var dw = Vector<double>.Build.Dense(w.Count);
        for (var n = 0; n < x.RowCount; n++)
            for (var i = 0; i < dout.ColumnCount; i++)
                for (var k = 0; k < w.Count; k++)
                {
                    dx[n, i + k] += dout[n, i] * w[k];
                    dw[k] += dout[n, i] * x[n, i + k];
                }

        return (dx, dw, Vector<double>.Build.Dense(1, dout.Enumerate().Sum()));
    }
}
