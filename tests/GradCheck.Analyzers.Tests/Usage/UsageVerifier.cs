using System.Collections.Concurrent;
using System.Collections.Immutable;
using GradCheck.Analyzers.Tests.Infrastructure;
using GradCheck.Analyzers.Usage;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace GradCheck.Analyzers.Tests.Usage;

/// <summary>Runs <see cref="GradCheckUsageAnalyzer"/> over snippets that see the [GradCheck] contract.</summary>
internal static class UsageVerifier
{
    /// <summary>
    /// The parts of GradCheck, GradCheck.Xunit and GradCheck.Xunit.v2 the usage rules match, with the same metadata
    /// names and signatures (bodies aside). Declared in source, like <see cref="TestCode.Contract"/>, so the tests do not
    /// depend on the engine's or the xUnit adapters' builds.
    /// </summary>
    public const string Contract = """
        namespace GradCheck
        {
            using System;
            using MathNet.Numerics.LinearAlgebra;

            [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
            public sealed class GradCheckAttribute : Attribute
            {
                public int MaxTests { get; set; }
            }

            public sealed class CheckInput { }

            public sealed class Scalar { public double Value { get; set; } }

            public sealed class Differentiable
            {
                private Differentiable() { }
                public static Differentiable Of(Func<Matrix<double>> forward, Func<Matrix<double>, object> backward) => new Differentiable();
                public static Differentiable Of(Func<Vector<double>> forward, Func<Vector<double>, object> backward) => new Differentiable();
                public static Differentiable Of(Func<double> forward, Func<double, object> backward) => new Differentiable();
                public Differentiable WithInput(Matrix<double> value, string name = null) => this;
                public Differentiable WithInput(Vector<double> value, string name = null) => this;
                public Differentiable WithConstant(Matrix<double> value, string name = null) => this;
                public Differentiable WithConstant(Vector<double> value, string name = null) => this;
                public Differentiable WithInput(CheckInput input) => this;
            }
        }

        namespace GradCheck.Parameters
        {
            using System;

            [AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = true)]
            public sealed class ConstantAttribute : Attribute { }
        }
        """;

    public const string Usings = """
        using System;
        using System.Threading.Tasks;
        using MathNet.Numerics.LinearAlgebra;
        using GradCheck;
        using GradCheck.Parameters;

        """;

    /// <summary>Wraps members in a class C with the usual usings.</summary>
    public static string InClass(string members) => Usings + "public class C\n{\n" + members + "\n}\n";

    public static DiagnosticResult Diagnostic(string id) => new(id, DiagnosticSeverity.Warning);

    /// <summary>Verifies that analyzing <paramref name="source"/> yields exactly the marked and listed diagnostics (and compiles).</summary>
    public static async Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<GradCheckUsageAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
        };
        test.TestState.AdditionalReferences.AddRange(AnalyzerVerifier.References);
        test.TestState.Sources.Add(("Contract.cs", TestCode.Contract));
        test.TestState.Sources.Add(("UsageContract.cs", Contract));
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(TestContext.Current.CancellationToken);
        Assert.Null(AnalysisGuard.LastSwallowedException);
    }

    public sealed record Result(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<string> AnalyzerExceptions)
    {
        public IEnumerable<Diagnostic> UsageDiagnostics => Diagnostics.Where(d => d.Id.StartsWith("GC", StringComparison.Ordinal));
    }

    private static readonly ImmutableArray<MetadataReference> SmallReferences =
    [
        Basic.Reference.Assemblies.Net100.References.SystemRuntime,
        Basic.Reference.Assemblies.Net100.References.SystemLinq,
        Basic.Reference.Assemblies.Net100.References.SystemCollections,
        AnalyzerVerifier.References[^1],
    ];

    /// <summary>
    /// Runs the analyzer straight on a compilation, which may not compile: sees analyzer exceptions (AD0001).
    /// With <paramref name="contractAsReference"/> the contract comes from a referenced assembly, as in a real project.
    /// </summary>
    public static async Task<Result> AnalyzeAsync(string source, bool contractAsReference = false)
    {
        var parseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
        var contracts = new[]
        {
            CSharpSyntaxTree.ParseText(TestCode.Contract, parseOptions, "Contract.cs"), CSharpSyntaxTree.ParseText(Contract, parseOptions, "UsageContract.cs"),
        };
        var references = SmallReferences;
        var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(source, parseOptions, "Snippet.cs") };
        if (contractAsReference)
        {
            var library = CSharpCompilation.Create("GradCheck", contracts, SmallReferences, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var stream = new MemoryStream();
            var emitted = library.Emit(stream, cancellationToken: TestContext.Current.CancellationToken);
            Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
            references = [.. references, MetadataReference.CreateFromImage(stream.ToArray())];
        }
        else
        {
            trees.AddRange(contracts);
        }

        var compilation = CSharpCompilation.Create("Snippet", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var exceptions = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            onAnalyzerException: (exception, _, _) => exceptions.Enqueue(exception.ToString()),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers([new GradCheckUsageAnalyzer()], options)
            .GetAnalyzerDiagnosticsAsync(TestContext.Current.CancellationToken);
        return new Result(diagnostics, [.. exceptions, .. diagnostics.Where(d => d.Id == "AD0001").Select(d => d.GetMessage())]);
    }
}
