using GradCheck.Analyzers;
using Microsoft.CodeAnalysis.CSharp;

namespace GradCheck.Analyzers.Tests.Usage;

/// <summary>The usage analyzer never throws (AD0001): broken, partial and odd [GradCheck] methods included.</summary>
public sealed class UsageRobustnessTests
{
    private const string Seed = """
        using System;
        using System.Threading.Tasks;
        using MathNet.Numerics.LinearAlgebra;
        using GradCheck;
        using GradCheck.Parameters;

        public class Layers
        {
            [GradCheck(MaxTests = 20)]
            public Differentiable Affine([Shape("N", "D")] Matrix<double> x, Matrix<double> w, [Shape("H")] Vector<double> b, [Constant] Matrix<double> mask) =>
                Differentiable.Of(() => x * w + mask, dy => (dy * w.Transpose(), x.Transpose() * dy));

            [GradCheck]
            public async Task<Differentiable> Loss([Shape("N")] Vector<double> s, double scale)
            {
                await Task.Yield();
                if (scale > 1) return Differentiable.Of(() => s * scale, g => { var d = g * scale; return d; });
                return Differentiable.Of(forward: () => s.Sum(), backward: g => (s, s)).WithInput(s);
            }

            [GradCheck] public Task<int> Wrong(ref Matrix<double> m) => Task.FromResult(0);
        }
        """;

    private static readonly string[] OddSnippets =
    [
        "using GradCheck; class C { [GradCheck] void F(Matrix<double> m) { } }",
        "using GradCheck; class C { [GradCheck] F() { } }",
        "using GradCheck; class C { [GradCheck] Differentiable F(MathNet.Numerics.LinearAlgebra.Matrix<double> m) => Differentiable.Of(); }",
        "using GradCheck; using MathNet.Numerics.LinearAlgebra; class C { [GradCheck] Differentiable F(Matrix<double> m) => Differentiable.Of(() => " +
            "m, null); }",
        "using GradCheck; using MathNet.Numerics.LinearAlgebra; class C { [GradCheck] Differentiable F(Matrix<double> m) => Differentiable.Of(() => " +
            "m, G); object G(Matrix<double> g) => g; }",
        "using GradCheck; using MathNet.Numerics.LinearAlgebra; class C { [GradCheck] Differentiable F(Matrix<double> m) => Differentiable.Of(() => " +
            "m, g => throw null); }",
        "using GradCheck; using MathNet.Numerics.LinearAlgebra; class C { [GradCheck] Differentiable F<T>(Matrix<double> m, T t) => " +
            "Differentiable.Of(() => m, g => (g, g, (g, g))); }",
        "using GradCheck; using MathNet.Numerics.LinearAlgebra; class C { [GradCheck] Differentiable F(Matrix<double> m) { Differentiable L() => " +
            "Differentiable.Of(() => m, g => (g, g)); return L(); } }",
        "using GradCheck; using MathNet.Numerics.LinearAlgebra; abstract class C { [GradCheck] public abstract Differentiable F(Matrix<double> m); " +
            "[GradCheck] extern Differentiable G(Vector<double> v); }",
        "using GradCheck; using MathNet.Numerics.LinearAlgebra; partial class C { [GradCheck] partial void F(Matrix<double> m); partial void " +
            "F(Matrix<double> m) { } }",
        "using GradCheck; class C { [GradCheck] C() { } [GradCheck] static int operator +(C a, C b) => 0; [GradCheck] int P { get; } }",
        "using GradCheck; using MathNet.Numerics.LinearAlgebra; class C { [GradCheck, GradCheck] [return: Shape(\"N\")] Differentiable F([Shape] " +
            "[Constant(1)] [Shape(\"N\")] Matrix<double> m) => Differentiable.Of(() => m, g => default); }",
        "using GradCheck; using MathNet.Numerics.LinearAlgebra; class C { [GradCheck] Differentiable F(params Matrix<double>[] m, __arglist) => " +
            "Differentiable.Of(() => m[0], g => (g,)); }",
        "[GradCheck] void F() { }",
        "",
    ];

    [Fact]
    public async Task Odd_snippets_produce_no_analyzer_exception()
    {
        foreach (var snippet in OddSnippets)
        {
            var result = await UsageVerifier.AnalyzeAsync(snippet);
            Assert.True(result.AnalyzerExceptions.Count == 0, $"{snippet}\n{string.Join("\n", result.AnalyzerExceptions)}");
        }

        Assert.Null(AnalysisGuard.LastSwallowedException);
    }

    [Fact]
    public async Task The_seed_is_analyzed_so_its_mutants_exercise_the_rules()
    {
        var result = await UsageVerifier.AnalyzeAsync(Seed);
        Assert.Empty(result.AnalyzerExceptions);
        Assert.Contains(result.UsageDiagnostics, d => d.Id == Descriptors.UnshapedTensorParameter.Id);
        Assert.Contains(result.UsageDiagnostics, d => d.Id == Descriptors.UncheckableReturnType.Id);
        Assert.Contains(result.UsageDiagnostics, d => d.Id == Descriptors.GradientCountMismatch.Id);
    }

    [Fact]
    public async Task Deleting_a_single_token_or_cutting_the_program_anywhere_produces_no_analyzer_exception()
    {
        var start = Seed.IndexOf("public class", StringComparison.Ordinal);
        var tokens = CSharpSyntaxTree.ParseText(Seed, cancellationToken: TestContext.Current.CancellationToken).GetRoot(TestContext.Current.CancellationToken)
            .DescendantTokens().Where(t => t.SpanStart > start).ToList();
        var cases = tokens.Select(t => ($"without '{t.Text}' at {t.SpanStart}", Seed.Remove(t.SpanStart, t.Span.Length)))
            .Concat(Enumerable.Range(0, (Seed.Length - start) / 11).Select(i => ($"cut at {start + i * 11}", Seed[..(start + i * 11)])))
            .ToList();
        Assert.True(cases.Count > 200, $"only {cases.Count} cases");

        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = TestContext.Current.CancellationToken };
        await Parallel.ForEachAsync(cases, options, async (c, _) =>
        {
            var result = await UsageVerifier.AnalyzeAsync(c.Item2);
            if (result.AnalyzerExceptions.Count > 0) failures.Add($"{c.Item1}:\n{string.Join("\n", result.AnalyzerExceptions)}");
        });
        Assert.Empty(failures);
        Assert.Null(AnalysisGuard.LastSwallowedException);
    }
}
