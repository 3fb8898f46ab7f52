using System.Diagnostics;
using System.Text;

namespace GradCheck.TestInfrastructure;

/// <summary>What one child process (usually a nested <c>dotnet</c> command) did.</summary>
public sealed record ChildProcessRun(string Command, int ExitCode, string Output, TimeSpan Duration, bool TimedOut)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut;

    public string Describe() =>
        $"`{Command}` {(TimedOut ? "TIMED OUT" : $"exited {ExitCode}")} after {Duration.TotalSeconds:F1} s. Output:\n{Output}";
}

/// <summary>
/// Runs a command with its output captured and a hard time limit. Shared (as linked source) by the test projects that
/// drive nested builds, packs, test runs and a language server.
/// </summary>
public static class ChildProcess
{
    public static ChildProcessRun Run(string workingDirectory, string fileName, string arguments, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        CleanEnvironment(start);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;

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
        lock (output) return new ChildProcessRun($"{fileName} {arguments}", exited ? process.ExitCode : -1, output.ToString(), watch.Elapsed, !exited);
    }

    /// <summary>
    /// The outer <c>dotnet test</c> leaves MSBuild and VSTest variables in the environment: a nested build must not see
    /// them. No telemetry banner, and no MSBuild worker nodes left running after the test.
    /// </summary>
    public static void CleanEnvironment(ProcessStartInfo start)
    {
        foreach (var name in start.Environment.Keys.ToList())
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
                start.Environment.Remove(name);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
    }
}
