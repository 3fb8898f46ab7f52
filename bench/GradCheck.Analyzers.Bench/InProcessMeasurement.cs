using System.Collections.Immutable;
using System.Diagnostics;
using GradCheck.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

/// <summary>
/// Splits the analyzer's cost on the generated project, in one process and on one thread (processor time, not wall time): compile + emit alone;
/// with an analyzer that only walks every operation tree (the binding any IOperation analyzer triggers); and with
/// that analyzer plus GradCheck's (the difference is GradCheck's own analysis).
/// </summary>
internal static class InProcessMeasurement
{
    public static async Task RunAsync(string directory, int rounds)
    {
        var trees = Directory.GetFiles(directory, "*.cs")
            .Select(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file), path: file))
            .Append(CSharpSyntaxTree.ParseText("global using System; global using System.Linq; global using System.Collections.Generic;"))
            .ToList();
        IEnumerable<MetadataReference> references =
            [
                .. Basic.Reference.Assemblies.Net100.References.All,
                MetadataReference.CreateFromFile(typeof(MathNet.Numerics.LinearAlgebra.Matrix<double>).Assembly.Location),
            ];
        CSharpCompilation Fresh() =>
            CSharpCompilation.Create("Generated", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, concurrentBuild: false));

        // The minimum of several rounds is the least disturbed by other work on the machine; round 0 warms the JIT.
        double compile = double.MaxValue, walkOnly = double.MaxValue, walkAndShapes = double.MaxValue;
        for (var round = 0; round <= rounds; round++)
        {
            var c = Time(() => { var fresh = Fresh(); fresh.GetDiagnostics(); using var s = new MemoryStream(); fresh.Emit(s); });
            var w = await TimeAsync(() => Analyze(Fresh(), new OperationWalker()));
            var ws = await TimeAsync(() => Analyze(Fresh(), new OperationWalker(), new ShapeAnalyzer()));
            if (round == 0) continue;
            (compile, walkOnly, walkAndShapes) = (Math.Min(compile, c), Math.Min(walkOnly, w), Math.Min(walkAndShapes, ws));
        }
        var own = walkAndShapes - walkOnly;
        // The driver's wall-clock figure moves with the machine's load: the least of several runs, and beside it the
        // processor time of the callbacks alone (with an operation analyzer present, as in a build with the SDK's analyzers).
        double charged = double.MaxValue, callbackCpu = double.MaxValue;
        for (var round = 0; round <= rounds; round++)
        {
            var (c, cpu) = await ChargedTimeAsync(Fresh());
            if (round == 0) continue;
            (charged, callbackCpu) = (Math.Min(charged, c), Math.Min(callbackCpu, cpu));
        }
        Console.WriteLine($"as a build charges it (concurrent analysis, the driver's execution time for GradCheck, least of {rounds}): {charged:F0} ms");
        Console.WriteLine($"processor time inside GradCheck's callbacks (least of {rounds}): {callbackCpu:F0} ms");
        Console.WriteLine($"best of {rounds}: compile+emit {compile:F0} ms; binding + operation trees (shared by all operation analyzers) {walkOnly:F0} ms; " +
            $"GradCheck's own analysis {own:F0} ms = {100 * own / compile:F1}% of compile+emit");
    }

    /// <summary>The execution time the analyzer driver records for GradCheck's analyzers, as -p:ReportAnalyzer reports it.</summary>
    private static async Task<(double Charged, double CallbackCpu)> ChargedTimeAsync(Compilation compilation)
    {
        var shapes = new CallbackClock(new ShapeAnalyzer());
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: true, logAnalyzerExecutionTime: true);
        var withAnalyzers = compilation.WithAnalyzers([shapes, new OperationWalker()], options);
        await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(shapes, CancellationToken.None);
        return (telemetry.ExecutionTime.TotalMilliseconds, shapes.Milliseconds);
    }

    private static async Task Analyze(Compilation compilation, params DiagnosticAnalyzer[] analyzers)
    {
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        await compilation.WithAnalyzers([.. analyzers], options).GetAnalyzerDiagnosticsAsync();
    }

    // Processor time of this process rather than wall time: on a shared machine other work inflates wall time, not this.
    private static double Time(Action action)
    {
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        action();
        return (Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds;
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        await action();
        return (Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds;
    }

    /// <summary>Asks for every operation tree and walks it: the cost every IOperation-based analyzer shares.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1001",
        Justification = "Constructed by the bench in process; no host discovers it by its attribute.")]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("MicrosoftCodeAnalysisReleaseTracking", "RS2008",
        Justification = "Its one rule is never reported and never shipped; the driver skips an analyzer without any rule.")]
    internal sealed class OperationWalker : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Unused = new("BENCH0001", "unused", "unused", "Bench", DiagnosticSeverity.Hidden, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Unused];

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationBlockAction(c =>
            {
                foreach (var block in c.OperationBlocks)
                    foreach (var _ in block.DescendantsAndSelf()) { }
            });
        }
    }
}
