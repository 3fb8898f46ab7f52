using System.Collections.Immutable;
using GradCheck.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GradCheck.Analyzers.Tests;

/// <summary>GC0009: a swallowed exception is not invisible — reported once per compilation, with its type, and never as AD0001.</summary>
public sealed class AnalyzerFailureTests
{
    private const string TwoMethods = """
        using MathNet.Numerics.LinearAlgebra;
        public class C
        {
            public Matrix<double> F(Matrix<double> a) => a * a;
            public Matrix<double> G(Matrix<double> b) => b.Transpose();
        }
        """;

    [Fact]
    public async Task A_failing_analysis_is_reported_once_with_the_exception_type_and_never_as_AD0001()
    {
        var diagnostics = await AnalyzeAsync(TwoMethods, new ShapeAnalyzer(_ => throw new InvalidCastException("on purpose")));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        var failure = Assert.Single(diagnostics, d => d.Id == "GC0009");
        Assert.Equal(DiagnosticSeverity.Info, failure.Severity);
        Assert.Contains("System.InvalidCastException", failure.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("'C.", failure.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_is_reported_when_nothing_fails()
    {
        var diagnostics = await AnalyzeAsync(TwoMethods, new ShapeAnalyzer());
        Assert.DoesNotContain(diagnostics, d => d.Id is "GC0009" or "AD0001");
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source, DiagnosticAnalyzer analyzer)
    {
        var compilation = CSharpCompilation.Create("Failing", [CSharpSyntaxTree.ParseText(source)], AnalyzerVerifier.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        return await compilation.WithAnalyzers([analyzer], options).GetAnalyzerDiagnosticsAsync(TestContext.Current.CancellationToken);
    }
}
