using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

/// <summary>
/// Wraps an analyzer and sums the processor time of the threads while they run its callbacks: the analysis's own work,
/// without the waits (garbage collections, locks, preemption) that the driver's wall-clock figure also charges, so it
/// moves little with the machine's load.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1001",
    Justification = "Constructed around an analyzer by the bench in process; no host discovers it by its attribute.")]
internal sealed class CallbackClock(DiagnosticAnalyzer inner) : DiagnosticAnalyzer
{
    private long nanoseconds;

    public double Milliseconds => Interlocked.Read(ref nanoseconds) / 1e6;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => inner.SupportedDiagnostics;

    // The wrapped analyzer's Initialize configures concurrency and generated code through the forwarding context, which
    // these rules cannot follow.
    [System.Diagnostics.CodeAnalysis.SuppressMessage("MicrosoftCodeAnalysisPerformance", "RS1026", Justification = "Forwarded to the wrapped analyzer.")]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1025", Justification = "Forwarded to the wrapped analyzer.")]
    public override void Initialize(AnalysisContext context) => inner.Initialize(new Context(this, context));

    private Action<T> Timed<T>(Action<T> action) => argument =>
    {
        var start = ThreadNanoseconds();
        try
        {
            action(argument);
        }
        finally
        {
            Interlocked.Add(ref nanoseconds, ThreadNanoseconds() - start);
        }
    };

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    private const int ThreadCpuClock = 3;

    private static long ThreadNanoseconds() => ClockGetTime(ThreadCpuClock, out var t) == 0 ? t.Seconds * 1_000_000_000 + t.Nanoseconds : 0;

    private sealed class Context(CallbackClock clock, AnalysisContext inner) : AnalysisContext
    {
        public override void EnableConcurrentExecution() => inner.EnableConcurrentExecution();
        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => inner.ConfigureGeneratedCodeAnalysis(analysisMode);
        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) =>
            inner.RegisterCompilationStartAction(clock.Timed<CompilationStartAnalysisContext>(c => action(new StartContext(clock, c))));
        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => inner.RegisterCompilationAction(clock.Timed(action));
        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => inner.RegisterSemanticModelAction(clock.Timed(action));
        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) =>
            inner.RegisterSymbolAction(clock.Timed(action), symbolKinds);
        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
            throw new NotSupportedException();
        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => inner.RegisterCodeBlockAction(clock.Timed(action));
        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => inner.RegisterSyntaxTreeAction(clock.Timed(action));
        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(
            Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            inner.RegisterSyntaxNodeAction(clock.Timed(action), syntaxKinds);
    }

    // The same forwarding as Context: Roslyn's two registration contexts share no base type to forward through once.
    [System.Diagnostics.CodeAnalysis.SuppressMessage("MicrosoftCodeAnalysisPerformance", "RS1012",
        Justification = "It forwards every registration to the start context it wraps; the rule reads that as registering none.")]
    private sealed class StartContext(CallbackClock clock, CompilationStartAnalysisContext inner)
        : CompilationStartAnalysisContext(inner.Compilation, inner.Options, inner.CancellationToken)
    {
        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => inner.RegisterCompilationEndAction(clock.Timed(action));
        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => inner.RegisterSemanticModelAction(clock.Timed(action));
        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) =>
            inner.RegisterSymbolAction(clock.Timed(action), symbolKinds);
        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
            throw new NotSupportedException();
        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => inner.RegisterCodeBlockAction(clock.Timed(action));
        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => inner.RegisterSyntaxTreeAction(clock.Timed(action));
        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(
            Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            inner.RegisterSyntaxNodeAction(clock.Timed(action), syntaxKinds);
    }
}
