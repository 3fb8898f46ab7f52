using GradCheck.Parameters;

namespace GradCheck.Xunit.Tests.Fixtures;

/// <summary>
/// Layers whose degenerate points lie where naive shrinking goes (0, ±1, integers, equal values), each with a planted
/// bug whose diagnosis on a generic sample is known. Shrinking onto those points would print a diagnosis the bug does
/// not have ("all zero", "2 x"); <see cref="Expected"/> says which diagnoses are right for each.
/// </summary>
public static class ShrinkingProperties
{
    /// <summary>The diagnoses a report of each property may give for a failing input (no diagnosis is always allowed).</summary>
    public static readonly IReadOnlyDictionary<string, DiagnosisKind[]> Expected = new Dictionary<string, DiagnosisKind[]>
    {
        [nameof(EluWithNegativeBranchFromOutput)] = [DiagnosisKind.OnlyWhereNegative],
        [nameof(LeakyReluWithoutSlope)] = [DiagnosisKind.OnlyWhereNegative],
        [nameof(SigmoidWithoutOneMinusS)] = [],
        [nameof(RnnCellWithStaleState)] = [],
        [nameof(AttentionWithQueryForKey)] = [],
        [nameof(ColumnNormalisationWithoutMeanTerm)] = [],
    };

    /// <summary>The inputs each bug makes wrong on a generic sample: a shrunk failure must blame the same ones.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> WrongInputs = new Dictionary<string, string[]>
    {
        [nameof(EluWithNegativeBranchFromOutput)] = ["x"],
        [nameof(LeakyReluWithoutSlope)] = ["x"],
        [nameof(SigmoidWithoutOneMinusS)] = ["x"],
        [nameof(RnnCellWithStaleState)] = ["x", "h", "w", "u", "b"],
        [nameof(AttentionWithQueryForKey)] = ["q"],
        [nameof(ColumnNormalisationWithoutMeanTerm)] = ["x"],
    };

    /// <summary>ELU (α = 1); the negative branch's derivative written as eˣ − 1 (the output) instead of eˣ. At x = 0 the
    /// analytic value is 0, which alone reads as "all zero".</summary>
    public static Differentiable EluWithNegativeBranchFromOutput([Shape("N", "D")] Matrix<double> x) =>
        Differentiable.Of(() => x.Map(v => v > 0 ? v : Math.Exp(v) - 1), dout => dout.PointwiseMultiply(x.Map(v => v > 0 ? 1 : Math.Exp(v) - 1)));

    /// <summary>Leaky ReLU (slope 0.1) whose backward forgets the slope: zero where x &lt; 0. One negative element alone
    /// reads as "all zero: does not propagate", though positive inputs propagate.</summary>
    public static Differentiable LeakyReluWithoutSlope([AwayFrom(0), Shape("N", "D")] Matrix<double> x) =>
        Differentiable.Of(() => x.Map(v => v > 0 ? v : 0.1 * v), dout => dout.PointwiseMultiply(x.Map(v => v > 0 ? 1.0 : 0.0)));

    /// <summary>The sigmoid's derivative written as s instead of s(1 − s): analytic/numeric = 1/(1 − s) varies, and is 2
    /// exactly at x = 0.</summary>
    public static Differentiable SigmoidWithoutOneMinusS([Shape("N", "D")] Matrix<double> x) =>
        Differentiable.Of(() => Activations.SigmoidForward(x), dout => dout.PointwiseMultiply(Activations.SigmoidForward(x)));

    /// <summary>
    /// A tanh RNN cell h' = tanh(x·W + h·U + b) whose backward takes tanh's derivative from the old state, 1 − h², instead
    /// of 1 − h'². Where the old state is ±1 every analytic gradient is zero.
    /// </summary>
    public static Differentiable RnnCellWithStaleState([Shape("N", "D")] Matrix<double> x, [Shape("N", "H")] Matrix<double> h,
        [Shape("D", "H")] Matrix<double> w, [Shape("H", "H")] Matrix<double> u, [Shape("H")] Vector<double> b) =>
        Differentiable.Of(() => RnnCell(x, h, w, u, b), dout =>
        {
            var dz = dout.PointwiseMultiply(h.Map(v => 1 - v * v));
            return (dz.TransposeAndMultiply(w), dz.TransposeAndMultiply(u), x.TransposeThisAndMultiply(dz), h.TransposeThisAndMultiply(dz), dz.ColumnSums());
        });

    /// <summary>
    /// Attention weights softmax(q·kᵀ/√D) applied to v; the query's gradient multiplies by q where k belongs. At q = 0
    /// the analytic gradient of q is zero and reads as "all zero".
    /// </summary>
    public static Differentiable AttentionWithQueryForKey([Shape("T", "D")] Matrix<double> q, [Shape("T", "D")] Matrix<double> k,
        [Shape("T", "E")] Matrix<double> v) =>
        Differentiable.Of(() => Softmax.Forward(q.TransposeAndMultiply(k) / Math.Sqrt(q.ColumnCount)) * v, dout =>
        {
            var scale = Math.Sqrt(q.ColumnCount);
            var weights = Softmax.Forward(q.TransposeAndMultiply(k) / scale);
            var dScores = Softmax.Backward(dout.TransposeAndMultiply(v), q.TransposeAndMultiply(k) / scale) / scale;
            return (dScores * q, dScores.TransposeThisAndMultiply(q), weights.TransposeThisAndMultiply(dout));
        });

    /// <summary>
    /// Each column standardised over the batch of 4 rows, y = (x − μ)/σ; the backward drops the −mean(dY) term. Values
    /// shrunk to integers make a column constant, where σ = 0 and the forward pass is NaN.
    /// </summary>
    public static Differentiable ColumnNormalisationWithoutMeanTerm([Shape("4", "D")] Matrix<double> x) =>
        Differentiable.Of(() => Standardise(x).Y, dout =>
        {
            var (y, sigma) = Standardise(x);
            var dx = dout.Clone();
            for (var c = 0; c < x.ColumnCount; c++)
            {
                var dy = dout.Column(c);
                var yc = y.Column(c);
                dx.SetColumn(c, (dy - yc * (dy.DotProduct(yc) / x.RowCount)) / sigma[c]);
            }

            return dx;
        });

    /// <summary>
    /// The mean of x² over the batch, whose backward forgets the 1/N: analytic = N × numeric. The kind of diagnosis (a
    /// constant factor) survives shrinking, its factor does not: N = 1 would pass, so the shrunk sample has N = 2.
    /// </summary>
    public static Differentiable BatchMeanWithoutOneOverN([Shape("N", "D")] Matrix<double> x) =>
        Differentiable.Of(() => x.PointwiseMultiply(x).Enumerate().Sum() / x.RowCount, dout => 2 * dout * x);

    /// <summary>
    /// A bug that needs a large input to show: only from the 9th row of a 9-column matrix on. Its shrunk x has 81 elements,
    /// too many to print; the labels are an FsCheck-drawn int.
    /// </summary>
    public static Differentiable WrongFromTheNinthRow([Shape("N", 9)] Matrix<double> x, [Shape(2)] Vector<double> v, [Between(0.5, 1)] double scale, int label)
    {
        Sample.Require(x.RowCount >= 9, "fewer than 9 rows");
        return Differentiable.Of(() => scale * (x.PointwiseMultiply(x).Enumerate().Sum() + v.DotProduct(v)),
            dout => (2 * dout * scale * x.MapIndexed((r, _, value) => r >= 8 ? 2 * value : value), 2 * dout * scale * v));
    }

    private static Matrix<double> RnnCell(Matrix<double> x, Matrix<double> h, Matrix<double> w, Matrix<double> u, Vector<double> b)
    {
        var z = x * w + h * u;
        return z.MapIndexed((_, c, value) => Math.Tanh(value + b[c]));
    }

    private static (Matrix<double> Y, double[] Sigma) Standardise(Matrix<double> x)
    {
        var y = x.Clone();
        var sigma = new double[x.ColumnCount];
        for (var c = 0; c < x.ColumnCount; c++)
        {
            var column = x.Column(c);
            var centred = column - column.Average();
            sigma[c] = Math.Sqrt(centred.DotProduct(centred) / x.RowCount);
            y.SetColumn(c, centred / sigma[c]);
        }

        return (y, sigma);
    }
}
