namespace GradCheck.Package.Tests.Infrastructure;

/// <summary>Turns a nested run that did not happen or did not succeed into a test failure that shows its output.</summary>
public static class Step
{
    public static ChildProcessRun Succeeded(ChildProcessRun? run, string what, ChildProcessRun? previous = null) =>
        run is null ? throw Fail($"{what} did not run, because an earlier step failed:\n{previous?.Describe()}")
        : run.Succeeded ? run
        : throw Fail($"{what} failed:\n{run.Describe()}");

    public static ChildProcessRun Ran(ChildProcessRun? run, string what, ChildProcessRun? previous = null) =>
        run is null ? throw Fail($"{what} did not run, because an earlier step failed:\n{previous?.Describe()}")
        : run.TimedOut ? throw Fail($"{what} timed out:\n{run.Describe()}")
        : run;

    private static Exception Fail(string message) => new Xunit.Sdk.XunitException(message);
}
