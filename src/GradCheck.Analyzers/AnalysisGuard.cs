using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GradCheck.Analyzers;

/// <summary>
/// The analyzers must never fail a build or flood the IDE with AD0001 on half-typed code: a failure in one analysis
/// only loses that analysis's diagnostics. So that such a loss is not invisible, the first exception of a compilation is
/// reported once, at its end, as GC0009 with the exception's type.
/// </summary>
internal sealed class AnalysisGuard
{
    private readonly bool recordLast;
    private Exception? first;
    private string? firstWhat;

    /// <summary>Creates the guard of one compilation.</summary>
    /// <param name="recordLast">Whether to record swallowed exceptions in <see cref="LastSwallowedException"/> (tests of
    /// other code assert it stays null; a test that fails an analysis on purpose turns it off).</param>
    public AnalysisGuard(bool recordLast = true) => this.recordLast = recordLast;

    /// <summary>For tests: the last exception any analysis swallowed (null when none).</summary>
    internal static Exception? LastSwallowedException { get; set; }

    /// <summary>
    /// Runs one analysis of <paramref name="state"/>; an exception (other than cancellation) is swallowed and remembered.
    /// With static lambdas no closure is made (this runs once per member of the compilation), and <paramref name="what"/>
    /// names the analysis only if it fails.
    /// </summary>
    public void Run<TState>(TState state, Action<TState> action, Func<TState, string> what)
    {
        try
        {
            action(state);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            if (recordLast) LastSwallowedException = exception;
            if (Interlocked.CompareExchange(ref first, exception, null) is null) firstWhat = what(state);
        }
    }

    /// <summary>The compilation-end action: reports the first swallowed exception, if any (GC0009).</summary>
    public void ReportFirst(CompilationAnalysisContext context)
    {
        if (first is not { } exception) return;
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.AnalyzerFailure, Location.None, firstWhat ?? "code", exception.GetType().FullName));
    }
}
