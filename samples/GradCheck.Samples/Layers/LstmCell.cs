namespace GradCheck.Samples;

/// <summary>
/// One step of an LSTM over a batch: gates G = x·W + h·U + b split into input, forget and output gates and the
/// candidate, c' = f⊙c + i⊙g, h' = o⊙tanh(c'). Two outputs, (h', c'), so its backward pass takes two upstream gradients.
/// </summary>
public static class LstmCell
{
    /// <summary>The new hidden and cell states, each batch × hidden.</summary>
    public static (Matrix<double> H, Matrix<double> C) Forward(Matrix<double> x, Matrix<double> h, Matrix<double> c,
        Matrix<double> w, Matrix<double> u, Vector<double> b)
    {
        var (i, f, o, g) = Gates(x, h, w, u, b);
        var cNext = f.PointwiseMultiply(c) + i.PointwiseMultiply(g);
        return (o.PointwiseMultiply(cNext.PointwiseTanh()), cNext);
    }

    /// <summary>The gradients of x, h, c, W, U and b from the upstream gradients of h' and c'.</summary>
    public static (Matrix<double> dx, Matrix<double> dh, Matrix<double> dc, Matrix<double> dW, Matrix<double> dU, Vector<double> db) Backward(
        Matrix<double> dhNext, Matrix<double> dcNext, Matrix<double> x, Matrix<double> h, Matrix<double> c,
        Matrix<double> w, Matrix<double> u, Vector<double> b)
    {
        var (i, f, o, g) = Gates(x, h, w, u, b);
        var tanhC = (f.PointwiseMultiply(c) + i.PointwiseMultiply(g)).PointwiseTanh();
        // h' depends on c' too: its share joins c''s own upstream gradient.
        var dcTotal = dcNext + dhNext.PointwiseMultiply(o).PointwiseMultiply(1 - tanhC.PointwiseMultiply(tanhC));
        var di = dcTotal.PointwiseMultiply(g).PointwiseMultiply(i.PointwiseMultiply(1 - i));
        var df = dcTotal.PointwiseMultiply(c).PointwiseMultiply(f.PointwiseMultiply(1 - f));
        var dO = dhNext.PointwiseMultiply(tanhC).PointwiseMultiply(o.PointwiseMultiply(1 - o));
        var dg = dcTotal.PointwiseMultiply(i).PointwiseMultiply(1 - g.PointwiseMultiply(g));
        var dGates = di.Append(df).Append(dO).Append(dg);
        return (dGates * w.Transpose(), dGates * u.Transpose(), dcTotal.PointwiseMultiply(f),
            x.TransposeThisAndMultiply(dGates), h.TransposeThisAndMultiply(dGates), dGates.ColumnSums());
    }

    private static (Matrix<double> I, Matrix<double> F, Matrix<double> O, Matrix<double> G) Gates(
        Matrix<double> x, Matrix<double> h, Matrix<double> w, Matrix<double> u, Vector<double> b)
    {
        var gates = x * w + h * u;
        var hidden = h.ColumnCount;
        for (var r = 0; r < gates.RowCount; r++) gates.SetRow(r, gates.Row(r) + b);
        Matrix<double> Block(int k) => gates.SubMatrix(0, gates.RowCount, k * hidden, hidden);
        return (Block(0).Map(Activations.Sigmoid), Block(1).Map(Activations.Sigmoid), Block(2).Map(Activations.Sigmoid), Block(3).PointwiseTanh());
    }
}
