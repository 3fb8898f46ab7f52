using GradCheck.Tests.Fixtures;

namespace GradCheck.Tests.Engine;

/// <summary>
/// A full check on a matrix output moves elements that reach different output rows (or columns) together and reads
/// each one's own block (Curtis–Powell–Reid). It must give the element-wise check one element at a time gives — same
/// verdicts, same element values to rounding, same report — in a fraction of the forward passes, and must not apply
/// where the blocks are coupled.
/// </summary>
public class CompressedFullCheckTests
{
    private static readonly CheckOptions Full = new() { Mode = CheckMode.Full, Seed = 11, MaxDegreeOfParallelism = 1, KeepElementResults = true };

    private static readonly CheckOptions OneAtATime = Full with { CompressFullChecks = false };

    [Fact]
    public void A_linear_layer_moves_a_column_of_x_and_a_row_of_w_at_once()
    {
        var random = new Random(1);
        var (x, w) = (Draw.Matrix(random, 8, 12), Draw.Matrix(random, 12, 10));
        var linear = () => Differentiable.Of(() => x * w, d => (d * w.Transpose(), x.Transpose() * d)).WithInput(x, "x").WithInput(w, "w");

        var (before, weightsBefore) = (x.Clone(), w.Clone());
        var (compressed, uncompressed) = BothWays(linear);

        Assert.Equal(Verdict.Passed, compressed.Verdict);
        Assert.True(Bits(before).SequenceEqual(Bits(x)) && Bits(weightsBefore).SequenceEqual(Bits(w)), "inputs restored bit for bit");
        Assert.Equal(BlockAxis.Rows, compressed.Inputs[0].CompressedAlong);
        Assert.Equal(BlockAxis.Columns, compressed.Inputs[1].CompressedAlong);
        // 12 columns of x and 12 rows of w instead of 216 elements, each about a pair of evaluations per level.
        Assert.True(compressed.ForwardEvaluations * 4 < uncompressed.ForwardEvaluations,
            $"{compressed.ForwardEvaluations} compressed against {uncompressed.ForwardEvaluations} one at a time");
    }

    [Fact]
    public void An_elementwise_layer_gives_the_same_elements()
    {
        var x = Draw.Matrix(new Random(2), 7, 5, 2);
        var (compressed, uncompressed) = BothWays(() =>
            Differentiable.Of(() => Activations.TanhForward(x), d => Activations.TanhBackward(d, x)).WithInput(x, "x"));

        Assert.Equal(Verdict.Passed, compressed.Verdict);
        Assert.NotNull(compressed.Inputs[0].CompressedAlong);
        Assert.True(compressed.ForwardEvaluations * 3 < uncompressed.ForwardEvaluations,
            $"{compressed.ForwardEvaluations} compressed against {uncompressed.ForwardEvaluations} one at a time");
    }

    [Fact]
    public void An_elementwise_layer_on_a_vector_moves_all_its_elements_at_once()
    {
        var x = Draw.Vector(new Random(9), 64, 2);
        var (compressed, uncompressed) = BothWays(() =>
            Differentiable.Of(() => x.Map(Math.Tanh), d => d.PointwiseMultiply(x.Map(v => 1 - Math.Tanh(v) * Math.Tanh(v)))).WithInput(x, "x"));

        Assert.Equal(BlockAxis.Rows, compressed.Inputs[0].CompressedAlong);
        Assert.True(compressed.ForwardEvaluations * 4 < uncompressed.ForwardEvaluations,
            $"{compressed.ForwardEvaluations} compressed against {uncompressed.ForwardEvaluations} one at a time");
    }

    [Fact]
    public void A_log_near_the_edge_of_its_domain_gives_the_same_elements()
    {
        // Wide moves of the small elements may leave log's domain: verification then falls back to narrower moves, and levels the
        // group's move cannot take are taken one element at a time, as without compression.
        var x = Draw.Matrix(new Random(10), 6, 5).Map(v => Math.Abs(v) + 0.5);
        x[2, 3] = 3e-4;
        x[4, 1] = 1e-3;
        var (compressed, _) = BothWays(() => Differentiable.Of(() => x.Map(Math.Log), d => d.PointwiseDivide(x)).WithInput(x, "x"));

        Assert.Equal(Verdict.Passed, compressed.Verdict);
        Assert.NotNull(compressed.Inputs[0].CompressedAlong);
    }

    [Fact]
    public void A_softmax_over_rows_is_read_apart_by_rows()
    {
        var z = Draw.Matrix(new Random(3), 6, 9, 2);
        var (compressed, uncompressed) = BothWays(() => Differentiable.Of(() => Softmax.Forward(z), d => Softmax.Backward(d, z)).WithInput(z, "z"));

        Assert.Equal(Verdict.Passed, compressed.Verdict);
        // Its columns are coupled (each row sums to 1): only the rows hypothesis survives verification.
        Assert.Equal(BlockAxis.Rows, compressed.Inputs[0].CompressedAlong);
        Assert.True(compressed.ForwardEvaluations < uncompressed.ForwardEvaluations);
    }

    [Fact]
    public void Batch_norm_couples_rows_so_x_is_never_read_apart_by_rows()
    {
        var random = new Random(4);
        var (x, gamma, beta) = (Draw.Matrix(random, 8, 5, 2), Draw.Vector(random, 5), Draw.Vector(random, 5));
        var (compressed, _) = BothWays(() => Differentiable.Of(() => Normalization.BatchNormForward(x, gamma, beta),
            d => Normalization.BatchNormBackward(d, x, gamma)).WithInput(x, "x").WithInput(gamma, "gamma").WithInput(beta, "beta"));

        Assert.Equal(Verdict.Passed, compressed.Verdict);
        // Statistics per column: x[i, c] reaches all of column c but no other column; γ[c] and β[c] only column c.
        Assert.Equal(BlockAxis.Columns, compressed.Inputs[0].CompressedAlong);
        Assert.Equal(BlockAxis.Columns, compressed.Inputs[1].CompressedAlong);
    }

    [Fact]
    public void Batch_norm_of_one_feature_is_not_compressed_and_costs_only_the_failed_verification()
    {
        var random = new Random(5);
        var (x, gamma, beta) = (Draw.Matrix(random, 9, 1, 2), Draw.Vector(random, 1), Draw.Vector(random, 1));
        var (compressed, uncompressed) = BothWays(() => Differentiable.Of(() => Normalization.BatchNormForward(x, gamma, beta),
            d => Normalization.BatchNormBackward(d, x, gamma)).WithInput(x, "x").WithInput(gamma, "gamma").WithInput(beta, "beta"));

        Assert.All(compressed.Inputs, input => Assert.Null(input.CompressedAlong));
        // The output at the unperturbed inputs once, and the first subset of rows moved, which already changes the others.
        Assert.Equal(uncompressed.ForwardEvaluations + 2, compressed.ForwardEvaluations);
    }

    [Fact]
    public void A_planted_transposed_weight_gradient_is_caught_and_diagnosed_alike()
    {
        var (compressed, uncompressed) = BothWays(() => PlantedBugs.WeightGradientTransposed(new Random(6), n: 5, d: 7));

        Assert.Equal(Verdict.Failed, compressed.Verdict);
        Assert.NotNull(compressed.Inputs[1].CompressedAlong);
        Assert.Equal(uncompressed.Inputs[1].Diagnosis?.Kind, compressed.Inputs[1].Diagnosis?.Kind);
        Assert.NotNull(compressed.Inputs[1].Diagnosis);
        Assert.True(compressed.ForwardEvaluations < uncompressed.ForwardEvaluations);
    }

    [Fact]
    public void A_scalar_loss_is_checked_exactly_as_before()
    {
        var random = new Random(7);
        var (z, labels) = (Draw.Matrix(random, 5, 4, 2), Draw.OneHot(random, 5, 4));
        var (compressed, uncompressed) = BothWays(() => Differentiable.Of(() => Softmax.CrossEntropyForward(z, labels),
            d => Softmax.CrossEntropyBackward(d, z, labels)).WithInput(z, "z").WithConstant(labels, "labels"));

        Assert.Null(compressed.Inputs[0].CompressedAlong);
        Assert.Equal(uncompressed.ForwardEvaluations, compressed.ForwardEvaluations);
        Assert.Equal(uncompressed.Report, compressed.Report);
    }

    [Fact]
    public void Two_workers_give_exactly_the_one_worker_report_when_compressed()
    {
        var random = new Random(8);
        var (x, w) = (Draw.Matrix(random, 6, 9), Draw.Matrix(random, 9, 7));
        Differentiable Linear()
        {
            var (xc, wc) = (x.Clone(), w.Clone());
            return Differentiable.Of(() => xc * wc, d => (d * wc.Transpose(), xc.Transpose() * d * 1.001)).WithInput(xc, "x").WithInput(wc, "w");
        }

        var parallel = GradientCheck.Run(Linear, Full with { MaxDegreeOfParallelism = 2 });
        var sequential = GradientCheck.Run(Linear, Full);

        Assert.Equal(Verdict.Failed, sequential.Verdict);
        Assert.Equal(WithoutEvaluationCount(sequential.Report), WithoutEvaluationCount(parallel.Report));
        for (var k = 0; k < sequential.Inputs.Count; k++)
            Assert.Equal(sequential.Inputs[k].CheckedElements, parallel.Inputs[k].CheckedElements);
    }

    /// <summary>The check compressed and one element at a time, asserted alike element by element and in the report.</summary>
    private static (CheckResult Compressed, CheckResult Uncompressed) BothWays(Func<Differentiable> create)
    {
        var compressed = GradientCheck.Run(create(), Full);
        var uncompressed = GradientCheck.Run(create(), OneAtATime);

        Assert.Null(compressed.Fault);
        Assert.Equal(uncompressed.Verdict, compressed.Verdict);
        Assert.Equal(uncompressed.Inputs.Count, compressed.Inputs.Count);
        for (var k = 0; k < compressed.Inputs.Count; k++)
        {
            var (mine, theirs) = (compressed.Inputs[k], uncompressed.Inputs[k]);
            Assert.Null(theirs.CompressedAlong);
            Assert.Equal(theirs.Verdict, mine.Verdict);
            Assert.Equal(theirs.CheckedElements.Count, mine.CheckedElements.Count);
            Assert.Equal(mine.ElementCount, mine.CheckedElements.Count);
            foreach (var (a, b) in mine.CheckedElements.Zip(theirs.CheckedElements))
            {
                Assert.Equal(b.Index, a.Index);
                Assert.Equal(b.Verdict, a.Verdict);
                Assert.Equal(b.Analytic, a.Analytic);
                // The same quotients but for rounding: a block's sums round less than the whole objective's.
                Assert.True(Math.Abs(a.Numeric - b.Numeric) <= 1e-8 * Math.Max(1, Math.Abs(b.Numeric)),
                    $"{mine.Name}{a.Index}: {a.Numeric:G17} compressed, {b.Numeric:G17} one at a time");
                Assert.True(Math.Abs(a.Tolerance - b.Tolerance) <= 0.5 * b.Tolerance, $"{mine.Name}{a.Index}: {a.Tolerance} against {b.Tolerance}");
            }
        }

        Assert.Equal(Comparable(uncompressed.Report), Comparable(compressed.Report));
        return (compressed, uncompressed);
    }

    private static long[] Bits(Matrix<double> m) => m.ToColumnMajorArray().Select(BitConverter.DoubleToInt64Bits).ToArray();

    /// <summary>
    /// The report's lines in order, but for the evaluation count and the order of worst elements whose error ratios tie to
    /// rounding (a transposed pair): which of them comes first, and so is confirmed, may follow the last bits.
    /// </summary>
    private static string[] Comparable(string report)
    {
        var lines = System.Text.RegularExpressions.Regex.Replace(WithoutEvaluationCount(report), @"confirmation along element \[[^\]]*\]",
            "confirmation along element [·]").Split('\n');
        var worst = lines.Select((line, i) => (line, i)).Where(l => l.line.StartsWith("    [", StringComparison.Ordinal)).ToList();
        var sorted = worst.Select(l => l.line).Order(StringComparer.Ordinal).ToList();
        for (var w = 0; w < worst.Count; w++) lines[worst[w].i] = sorted[w];
        return lines;
    }

    private static string WithoutEvaluationCount(string report) =>
        System.Text.RegularExpressions.Regex.Replace(report, @"[\d,]+ forward evaluations", "N forward evaluations");
}
