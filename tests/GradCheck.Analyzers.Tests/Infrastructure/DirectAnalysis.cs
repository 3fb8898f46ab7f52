using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GradCheck.Analyzers.Tests.Infrastructure;

/// <summary>
/// Runs the analyzer straight on a compilation: fast enough for hundreds of mutated sources, and it sees analyzer
/// exceptions (AD0001) even where the source does not compile.
/// </summary>
internal static class DirectAnalysis
{
    public sealed record Result(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Exception> AnalyzerExceptions)
    {
        public IEnumerable<Diagnostic> ShapeDiagnostics => Diagnostics.Where(d => d.Id.StartsWith("GC", StringComparison.Ordinal));
    }

    /// <summary>
    /// Just what the snippets use: binding against all 170 reference assemblies costs most of a mutant's time, and
    /// the robustness tests analyse hundreds of mutants.
    /// </summary>
    private static readonly ImmutableArray<MetadataReference> SmallReferences =
    [
        Basic.Reference.Assemblies.Net100.References.SystemRuntime,
        Basic.Reference.Assemblies.Net100.References.SystemRuntimeNumerics,
        Basic.Reference.Assemblies.Net100.References.SystemLinq,
        Basic.Reference.Assemblies.Net100.References.SystemCollections,
        Basic.Reference.Assemblies.Net100.References.MicrosoftCSharp,
        AnalyzerVerifier.References[^1],
    ];

    public static async Task<Result> AnalyzeAsync(string source, string path = "Snippet.cs")
    {
        var compilation = CSharpCompilation.Create(
            "Snippet",
            [CSharpSyntaxTree.ParseText(source, path: path), CSharpSyntaxTree.ParseText(TestCode.Contract, path: "Contract.cs")],
            SmallReferences,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var exceptions = new ConcurrentQueue<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            onAnalyzerException: (exception, _, _) => exceptions.Enqueue(exception),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var withAnalyzers = compilation.WithAnalyzers([new ShapeAnalyzer()], options);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(TestContext.Current.CancellationToken);
        var ad0001 = diagnostics.Where(d => d.Id == "AD0001").Select(d => new InvalidOperationException(d.GetMessage()));
        return new Result(diagnostics, [.. exceptions, .. ad0001]);
    }

    /// <summary>The compiler's own errors, to make sure a "correct" snippet really compiles.</summary>
    public static ImmutableArray<Diagnostic> CompilerErrors(string source)
    {
        var compilation = CSharpCompilation.Create(
            "Snippet",
            [CSharpSyntaxTree.ParseText(source), CSharpSyntaxTree.ParseText(TestCode.Contract)],
            SmallReferences,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        return [.. compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)];
    }
}
