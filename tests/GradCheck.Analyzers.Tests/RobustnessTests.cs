using GradCheck.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GradCheck.Analyzers.Tests;

/// <summary>The analyzer never throws (AD0001), whatever it is given: broken, partial and odd code included.</summary>
public sealed class RobustnessTests
{
    private const string Seed = """
        using System;
        using MathNet.Numerics.LinearAlgebra;
        using GradCheck;

        public class Layer<T>
        {
            [Shape("D", "H")] public Matrix<double> W = Matrix<double>.Build.Random(3, 4);
            [Shape("H")] public Vector<double> b { get; set; } = Vector<double>.Build.Dense(4);

            [return: Shape("N", "H")]
            public Matrix<double> Forward([Shape("N", "D")] Matrix<double> x)
            {
                int n = x.RowCount;
                var ones = Vector<double>.Build.Dense(n, 1.0);
                var h = x * W + ones.OuterProduct(b);
                for (var i = 0; i < 2; i++) h = h.Map(v => Math.Max(v, 0));
                return flag ? h : h.PointwiseMultiply(h);
            }

            public (Matrix<double> dW, Vector<double> db) Backward(
                [Shape("N", "D")] Matrix<double> x, [Shape("N", "H")] Matrix<double> dy, out Matrix<double> dx)
            {
                dx = dy.TransposeAndMultiply(W);
                var (a, c) = (x.TransposeThisAndMultiply(dy), dy.ColumnSums());
                var k = Shapes.Assert(a, "D", "H");
                return (k, c.SubVector(0, b.Count) + b.DotProduct(c) * b);
            }

            private bool flag;
        }
        """;

    /// <summary>Odd but compilable-or-not snippets that exercise edge paths.</summary>
    private static readonly string[] OddSnippets =
    [
        "using MathNet.Numerics.LinearAlgebra; using GradCheck; class C { [Shape] Matrix<double> x; [Shape(null)] Vector<double> v; [Shape(null, " +
            "null)] Matrix<double> m; }",
        "using MathNet.Numerics.LinearAlgebra; using GradCheck; class C { [Shape(1, 2)] Matrix<double> x; [Shape(\"N\", 2)] Matrix<double> y; }",
        "using MathNet.Numerics.LinearAlgebra; using GradCheck; class C { void F() { var a = a * a; Matrix<double> m = default; m = m * m; m += m; m " +
            "??= m; } }",
        "using MathNet.Numerics.LinearAlgebra; using GradCheck; class C { void F() { var m = Matrix<double>.Build.Dense(-1, int.MaxValue); var v = " +
            "Shapes.Assert(); Shapes.Assert(m); Shapes.Assert(m, null, \"N\"); } }",
        "using MathNet.Numerics.LinearAlgebra; using GradCheck; class C { dynamic d; void F(Matrix<double> m) { var x = d * m; var y = m * d; " +
            "Matrix<double> z = d; z.Multiply(d); } }",
        "using MathNet.Numerics.LinearAlgebra; using GradCheck; class C { [return: Shape(\"N\", \"N\")] Matrix<double> F([Shape(\"N\", \"N\")] " +
            "Matrix<double> m) => F(F(F(m))) * F(m.Transpose()); }",
        "using MathNet.Numerics.LinearAlgebra; using GradCheck; class C { Matrix<double> P { get => P * P; set => P = value * value; } event " +
            "System.Action E; ~C() { var q = P * P; } }",
        "using MathNet.Numerics.LinearAlgebra; using GradCheck; class C { void F([Shape(\"N\", \"D\")] Matrix<double> x) { Matrix<double> " +
            "L(Matrix<double> y) { return y * y; } var z = L(x) * x; int n = z.RowCount; n++; var w = Matrix<double>.Build.Dense(n, n); } }",
        "using MathNet.Numerics.LinearAlgebra; using GradCheck; record R([Shape(\"N\", \"D\")] Matrix<double> X, [Shape(\"D\")] Vector<double> V) { " +
            "public Vector<double> Y => X * V; }",
        "using MathNet.Numerics.LinearAlgebra; using GradCheck; class C { void F([Shape(\"N\", \"D\")] Matrix<double> x) { var e = " + string.Join(" " +
            "+ ", Enumerable.Repeat("x", 1500)) + "; } }",
        "using MathNet.Numerics.LinearAlgebra; using GradCheck; class C { void F([Shape(\"N\", \"D\")] Matrix<double> x) { var e = " +
            "" + new string('(', 300) + "x" + string.Concat(Enumerable.Repeat(".Transpose())", 300)) + "; } }",
        "using MathNet.Numerics.LinearAlgebra.Double; using MathNet.Numerics.LinearAlgebra; class C { void F() { var a = new DenseMatrix(3); var b = " +
            "new DenseMatrix(2, 3, new double[6]); var c = DenseMatrix.Create(3, 2, 0.0); var v = new DenseVector(new double[3]); var p = a * b; var " +
                "q = b.Append(c); } }",
        "class C { void F() { var x = 1 * 2; } }",
        "",
    ];

    [Fact]
    public async Task Odd_snippets_produce_no_analyzer_exception()
    {
        foreach (var snippet in OddSnippets)
        {
            var result = await DirectAnalysis.AnalyzeAsync(snippet);
            Assert.True(result.AnalyzerExceptions.Count == 0, $"{snippet}\n{string.Join("\n", result.AnalyzerExceptions)}");
        }
        Assert.Null(AnalysisGuard.LastSwallowedException);
    }

    [Fact]
    public async Task Deleting_a_single_token_anywhere_produces_no_analyzer_exception()
    {
        var classStart = Seed.IndexOf("public class", StringComparison.Ordinal);
        var cancellation = TestContext.Current.CancellationToken;
        var tokens = CSharpSyntaxTree.ParseText(Seed, cancellationToken: cancellation).GetRoot(cancellation)
            .DescendantTokens().Where(t => t.SpanStart > classStart).ToList();
        // Every other token of the class body: a couple of hundred broken programs, each missing one piece.
        var mutants = tokens.Where((_, i) => i % 2 == 0).Select(t => (t, Seed.Remove(t.SpanStart, t.Span.Length))).ToList();
        Assert.True(mutants.Count > 100, $"only {mutants.Count} mutants");
        await AssertNoAnalyzerExceptionAsync(mutants.Select(m => ($"without '{m.t.Text}' at {m.t.SpanStart}", m.Item2)));
    }

    [Fact]
    public async Task Unfinished_programs_cut_anywhere_produce_no_analyzer_exception()
    {
        // Cut the program every 7 characters: unfinished statements, attributes, expressions and strings.
        var start = Seed.IndexOf("public class", StringComparison.Ordinal);
        var cuts = Enumerable.Range(0, (Seed.Length - start) / 7).Select(i => start + i * 7);
        await AssertNoAnalyzerExceptionAsync(cuts.Select(length => ($"cut at {length}", Seed[..length])));
    }

    private static async Task AssertNoAnalyzerExceptionAsync(IEnumerable<(string Name, string Source)> cases)
    {
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = TestContext.Current.CancellationToken };
        await Parallel.ForEachAsync(cases, options, async (c, _) =>
        {
            var result = await DirectAnalysis.AnalyzeAsync(c.Source);
            if (result.AnalyzerExceptions.Count > 0) failures.Add($"{c.Name}:\n{string.Join("\n", result.AnalyzerExceptions)}");
        });
        Assert.Empty(failures);
        Assert.Null(AnalysisGuard.LastSwallowedException);
    }
}
