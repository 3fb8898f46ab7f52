using System.Collections.Immutable;
using MathNet.Numerics.LinearAlgebra;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace GradCheck.Analyzers.Tests.Infrastructure;

/// <summary>Runs the analyzer (and code fixes) through Microsoft.CodeAnalysis.Testing with markup-located diagnostics.</summary>
internal static class AnalyzerVerifier
{
    /// <summary>.NET 10 reference assemblies from Basic.Reference.Assemblies, plus MathNet; no package download.</summary>
    public static ImmutableArray<MetadataReference> References { get; } =
        [.. Basic.Reference.Assemblies.Net100.References.All, MetadataReference.CreateFromFile(typeof(Matrix<double>).Assembly.Location)];

    /// <summary>An empty reference set: everything comes from <see cref="References"/>.</summary>
    private static readonly ReferenceAssemblies NoPackages = new("net10.0");

    public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, id == "GC0005" ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning);

    /// <summary>Verifies that analyzing <paramref name="source"/> yields exactly the marked and listed diagnostics.</summary>
    public static async Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<ShapeAnalyzer, DefaultVerifier> { TestCode = source, ReferenceAssemblies = NoPackages };
        Configure(test.TestState);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Verifies diagnostics before, and the source after applying the fix at <paramref name="codeActionIndex"/>.</summary>
    public static async Task VerifyFixAsync<TFix>(string source, string fixedSource, int codeActionIndex = 0)
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<ShapeAnalyzer, TFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = NoPackages,
            CodeActionIndex = codeActionIndex,
        };
        Configure(test.TestState);
        Configure(test.FixedState);
        await test.RunAsync(TestContext.Current.CancellationToken);
    }

    private static void Configure(SolutionState state)
    {
        state.AdditionalReferences.AddRange(References);
        state.Sources.Add(("Contract.cs", TestCode.Contract));
    }
}
