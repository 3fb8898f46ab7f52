using System.Diagnostics;

namespace GradCheck.Editor.Tests.Infrastructure;

/// <summary>Runs a set-up command (tool restore, build) to completion and fails the test with its output if it fails.</summary>
public static class Command
{
    public static TimeSpan Run(string workingDirectory, string fileName, string arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName, arguments)
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
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"`{fileName} {arguments}` timed out after {timeout.TotalSeconds:F0} s:\n{output.Result}{error.Result}");
        }
        if (process.ExitCode != 0)
            throw new Xunit.Sdk.XunitException($"`{fileName} {arguments}` (in {workingDirectory}) exited {process.ExitCode}:\n{output.Result}{error.Result}");
        return watch.Elapsed;
    }
}
