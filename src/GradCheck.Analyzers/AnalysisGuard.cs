using System;

namespace GradCheck.Analyzers;

/// <summary>
/// The analyzers must never fail a build or flood the IDE with AD0001 on half-typed code: a failure in one analysis
/// only loses that analysis's diagnostics. The robustness tests make sure nothing is ever swallowed.
/// </summary>
internal static class AnalysisGuard
{
    /// <summary>For tests only: the last exception an analysis swallowed (null when none).</summary>
    internal static Exception? LastSwallowedException { get; set; }

    public static void Run(Action action)
    {
        try
        {
            action();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Swallow(exception);
        }
    }

    /// <summary>Records a deliberately swallowed exception; returns true so a caller can remember that it failed.</summary>
    public static bool Swallow(Exception exception)
    {
        LastSwallowedException = exception;
        return true;
    }
}
