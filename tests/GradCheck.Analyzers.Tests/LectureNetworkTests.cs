using GradCheck.Analyzers.Tests.Infrastructure;

namespace GradCheck.Analyzers.Tests;

/// <summary>
/// The lecture's 2-layer network (h1 = x·W1 + b1, z1 = σ(h1), z2 = z1·W2 + b2, L = (1/N)‖z2 − y‖²), annotated:
/// the correct network is silent, and every single-transpose mutation of its backward pass is flagged.
/// </summary>
public sealed class LectureNetworkTests
{
    /// <summary>The backward pass, one product or sum per line; each line is a place a transpose can go wrong.</summary>
    private static readonly string[] BackwardLines =
    [
        "var dz2 = (z2 - y) * (2.0 / n);",
        "var dW2 = z1.Transpose() * dz2;",
        "var db2 = dz2.ColumnSums();",
        "var dz1 = dz2 * W2.Transpose();",
        "var dh1 = dz1.PointwiseMultiply(SigmoidPrime(h1));",
        "var dW1 = x.Transpose() * dh1;",
        "var db1 = dh1.ColumnSums();",
    ];

    private static string Network(IEnumerable<string> backward) => TestCode.Usings + """
        public sealed class TwoLayerNetwork
        {
            [Shape("D", "H")] public Matrix<double> W1 = null!;
            [Shape("H")] public Vector<double> b1 = null!;
            [Shape("H", "K")] public Matrix<double> W2 = null!;
            [Shape("K")] public Vector<double> b2 = null!;

            [return: Shape("A", "B")]
            static Matrix<double> Sigmoid([Shape("A", "B")] Matrix<double> h) => h.Map(v => 1.0 / (1.0 + Math.Exp(-v)));

            [return: Shape("A", "B")]
            static Matrix<double> SigmoidPrime([Shape("A", "B")] Matrix<double> h)
            {
                var s = Sigmoid(h);
                return s.PointwiseMultiply(1.0 - s);
            }

            public double Loss([Shape("N", "D")] Matrix<double> x, [Shape("N", "K")] Matrix<double> y)
            {
                int n = x.RowCount;
                var ones = Vector<double>.Build.Dense(n, 1.0);
                var h1 = x * W1 + ones.OuterProduct(b1);
                var z1 = Sigmoid(h1);
                var z2 = z1 * W2 + ones.OuterProduct(b2);
                var norm = (z2 - y).FrobeniusNorm();
                return norm * norm / n;
            }

            public (Matrix<double> dW1, Vector<double> db1, Matrix<double> dW2, Vector<double> db2) Backward(
                [Shape("N", "D")] Matrix<double> x, [Shape("N", "K")] Matrix<double> y)
            {
                int n = x.RowCount;
                var ones = Vector<double>.Build.Dense(n, 1.0);
                var h1 = x * W1 + ones.OuterProduct(b1);
                var z1 = Sigmoid(h1);
                var z2 = z1 * W2 + ones.OuterProduct(b2);
        """ + string.Join("\n", backward.Select(line => "        " + line)) + """

                return (dW1, db1, dW2, db2);
            }
        }
        """;

    [Fact]
    public async Task The_correct_annotated_network_compiles_and_produces_no_diagnostic()
    {
        var source = Network(BackwardLines);
        Assert.Empty(DirectAnalysis.CompilerErrors(source));
        var result = await DirectAnalysis.AnalyzeAsync(source);
        Assert.Empty(result.AnalyzerExceptions);
        Assert.Empty(result.ShapeDiagnostics);
    }

    public static TheoryData<int, string> SingleTransposeMutations()
    {
        var data = new TheoryData<int, string>();
        for (var line = 0; line < BackwardLines.Length; line++)
            foreach (var mutant in TransposeMutations(BackwardLines[line]))
                data.Add(line, mutant);
        return data;
    }

    [Theory]
    [MemberData(nameof(SingleTransposeMutations))]
    public async Task Every_single_transpose_mutation_of_the_backward_pass_is_flagged(int line, string mutant)
    {
        var lines = (string[])BackwardLines.Clone();
        lines[line] = mutant;
        var source = Network(lines);
        Assert.Empty(DirectAnalysis.CompilerErrors(source));
        var result = await DirectAnalysis.AnalyzeAsync(source);
        Assert.Empty(result.AnalyzerExceptions);
        Assert.NotEmpty(result.ShapeDiagnostics);
    }

    [Fact]
    public void There_is_a_mutation_for_every_operand_of_every_line()
    {
        // Guards the generator itself: a generator that produced nothing would make the theory vacuous.
        Assert.True(SingleTransposeMutations().Count >= 15, $"only {SingleTransposeMutations().Count} mutations");
    }

    /// <summary>
    /// Every way to add one transpose to a matrix operand or to the whole right-hand side, or to drop one
    /// existing transpose. All operands here are non-square (distinct symbols), so each one breaks a shape.
    /// </summary>
    private static IEnumerable<string> TransposeMutations(string line)
    {
        const string transpose = ".Transpose()";
        var eq = line.IndexOf('=');
        var head = line[..(eq + 2)];
        var expression = line[(eq + 2)..^1];

        for (var at = expression.IndexOf(transpose, StringComparison.Ordinal); at >= 0; at = expression.IndexOf(transpose, at + 1, StringComparison.Ordinal))
            yield return head + expression.Remove(at, transpose.Length) + ";";

        foreach (var operand in new[] { "z2", "y", "z1", "dz2", "W2", "dz1", "h1", "x", "dh1" })
        {
            foreach (var at in OccurrencesAsWholeWord(expression, operand))
            {
                var alreadyTransposed = expression.AsSpan(at + operand.Length).StartsWith(transpose);
                if (!alreadyTransposed) yield return head + expression.Insert(at + operand.Length, transpose) + ";";
            }
        }

        // The whole result transposed, unless it is a vector (ColumnSums) where a transpose does not exist.
        if (!expression.Contains("Sums", StringComparison.Ordinal)) yield return head + "(" + expression + ")" + transpose + ";";
    }

    private static IEnumerable<int> OccurrencesAsWholeWord(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 ? ' ' : text[at - 1];
            var after = at + word.Length < text.Length ? text[at + word.Length] : ' ';
            if (!char.IsLetterOrDigit(before) && !char.IsLetterOrDigit(after) && before != '.') yield return at;
        }
    }
}
