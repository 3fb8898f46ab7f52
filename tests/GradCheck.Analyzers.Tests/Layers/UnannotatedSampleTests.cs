using GradCheck.Analyzers.Tests.Infrastructure;

namespace GradCheck.Analyzers.Tests.Layers;

/// <summary>
/// The sample layer in samples/GradCheck.Samples/Unannotated (no annotation at all): silent as shipped, and its planted
/// bug — the weight gradient transposed — is found. The buggy variant lives only here, so the solution builds clean.
/// </summary>
public sealed class UnannotatedSampleTests
{
    private static readonly string Sample = File.ReadAllText(Path.Combine(RepositoryRoot(), "samples/GradCheck.Samples/Unannotated/DenseLayer.cs"));

    private static string Compilable(string layer) =>
        "using System;\nusing MathNet.Numerics.LinearAlgebra;\n" + layer;

    [Fact]
    public async Task The_sample_as_shipped_is_silent()
    {
        var result = await DirectAnalysis.AnalyzeAsync(Compilable(Sample));
        Assert.Empty(result.AnalyzerExceptions);
        Assert.Empty(DirectAnalysis.CompilerErrors(Compilable(Sample)));
        Assert.Empty(result.ShapeDiagnostics);
    }

    [Fact]
    public async Task The_planted_bug_is_found_with_zero_annotations_and_names_the_earlier_use()
    {
        const string correct = "var weightGradient = input.TransposeThisAndMultiply(outputGradient);";
        Assert.Contains(correct, Sample, StringComparison.Ordinal);
        var buggy = Sample.Replace(correct, "var weightGradient = outputGradient.TransposeThisAndMultiply(input);", StringComparison.Ordinal);
        var result = await DirectAnalysis.AnalyzeAsync(Compilable(buggy));
        var diagnostic = Assert.Single(result.ShapeDiagnostics);
        Assert.Equal("GC0002", diagnostic.Id);
        Assert.Contains("weights -= learningRate * weightGradient", diagnostic.Location.SourceTree!.GetText(TestContext.Current.CancellationToken)
            .Lines[diagnostic.Location.GetLineSpan().StartLinePosition.Line].ToString(), StringComparison.Ordinal);
        Assert.Contains("(from `outputGradient.TransposeAndMultiply(weights)`", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "GradCheck.sln"))) return directory.FullName;
        throw new InvalidOperationException("The repository root (with GradCheck.sln) was not found above " + AppContext.BaseDirectory);
    }
}
