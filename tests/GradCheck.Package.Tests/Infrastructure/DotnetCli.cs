using System.Diagnostics;
using System.Text;

namespace GradCheck.Package.Tests.Infrastructure;

/// <summary>What one nested `dotnet` command did.</summary>
public sealed record DotnetRun(string Command, int ExitCode, string Output, TimeSpan Duration, bool TimedOut)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut;

    public string Describe() =>
        $"`dotnet {Command}` {(TimedOut ? "TIMED OUT" : $"exited {ExitCode}")} after {Duration.TotalSeconds:F1} s. Output:\n{Output}";
}

/// <summary>Runs the dotnet CLI as a child process, with its output captured and a hard time limit.</summary>
public static class DotnetCli
{
    public static DotnetRun Run(string workingDirectory, string arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The outer `dotnet test` leaves MSBuild and VSTest variables in the environment; a nested build must not see them.
        foreach (var name in start.Environment.Keys.ToList())
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
                start.Environment.Remove(name);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // No MSBuild worker nodes left running after the test.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";

        var output = new StringBuilder();
        var watch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExit(timeout);
        if (!exited) process.Kill(entireProcessTree: true);
        process.WaitForExit();
        lock (output) return new DotnetRun(arguments, exited ? process.ExitCode : -1, output.ToString(), watch.Elapsed, !exited);
    }
}
