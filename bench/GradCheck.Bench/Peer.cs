using System.Diagnostics;
using System.Text.Json;

namespace GradCheck.Bench;

/// <summary>What the PyTorch peer gave: its figures by workload key (all or some), or why there are none.</summary>
/// <param name="Ran">Whether the peer was started: when it was, a problem is a failure, not a skip.</param>
public sealed record PeerOutcome(PeerResults? Results, string? Problem, bool Ran)
{
    public static PeerOutcome Skipped(string reason) => new(null, reason, Ran: false);
}

/// <summary>The peer's results file, as bench/peer/gradcheck_peer.py writes it.</summary>
public sealed record PeerResults(
    string Python, string Interpreter, string Torch, string Blas, Dictionary<string, PeerVerification> Verification,
    Dictionary<string, PeerFigure> Figures, Dictionary<string, string> Errors);

/// <summary>How closely the peer's forward value and gradients match this side's on the same inputs.</summary>
public sealed record PeerVerification(double? MaxRelativeDifference, string? Where, string? Error);

public sealed record PeerFigure(double MedianMs, double[] RunsMs, string Outcome, long? ForwardEvaluations, long? PeakRssGrowthBytes)
{
    public Figure ToFigure() => new(MedianMs, RunsMs, ForwardEvaluations, PeakRssGrowthBytes, PeakRssGrowthBytes, Outcome);
}

/// <summary>
/// Runs bench/peer/gradcheck_peer.py (torch.autograd.gradcheck on this bench's workloads) with the first Python that can
/// <c>import torch</c>: <c>python3</c> on PATH may be a version manager's shim without it, while Debian's python3-torch
/// installs into /usr/bin/python3. GRADCHECK_PEER_PYTHON, when set, is tried first.
/// </summary>
public static class Peer
{
    public const string InstallCommand = "apt-get install -y python3-torch";
    private const string ScriptPath = "bench/peer/gradcheck_peer.py";

    // Importing torch takes seconds on a loaded machine; the whole peer run takes two to four minutes here.
    private static readonly TimeSpan ImportTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(20);

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static PeerOutcome Run(Scenarios scenarios, LargeScenario large)
    {
        var script = FindScript();
        if (script is null) return PeerOutcome.Skipped($"{ScriptPath} not found above {AppContext.BaseDirectory} or the current folder");

        var candidates = Candidates();
        var python = candidates.FirstOrDefault(CanImportTorch);
        if (python is null)
            return PeerOutcome.Skipped(
                $"no Python here can `import torch` (tried {string.Join(", ", candidates)}); install the peer with `{InstallCommand}`");

        var folder = Path.Combine(Path.GetTempPath(), $"gradcheck-peer-{Environment.ProcessId}");
        var output = Path.Combine(folder, "results.json");
        PeerInputs.Write(folder, scenarios, large);
        string[] arguments = ["-u", script, "--inputs", folder, "--output", output];
        Console.Error.WriteLine($"PyTorch peer: {python} {string.Join(' ', arguments)}");

        var (exitCode, timedOut) = RunProcess(python, arguments, RunTimeout, line => Console.Error.WriteLine($"  peer | {line}"));
        var results = File.Exists(output) ? JsonSerializer.Deserialize<PeerResults>(File.ReadAllText(output), JsonOptions) : null;
        string? problem = timedOut ? $"the peer timed out after {RunTimeout.TotalMinutes:0} min"
            : exitCode != 0 ? $"the peer exited with code {exitCode} (its output is above)"
            : results is null ? "the peer wrote no results"
            : null;

        if (problem is null) Directory.Delete(folder, recursive: true);
        else problem += $"; its inputs are kept in {folder} to rerun it: {python} {string.Join(' ', arguments)}";
        return new PeerOutcome(results, problem, Ran: true);
    }

    private static List<string> Candidates()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("GRADCHECK_PEER_PYTHON");
        return new[] { fromEnvironment, "python3", "/usr/bin/python3" }.OfType<string>().Where(c => c.Length > 0).Distinct().ToList();
    }

    private static bool CanImportTorch(string python)
    {
        try
        {
            return RunProcess(python, ["-c", "import torch"], ImportTimeout, _ => { }) is (0, false);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;   // no such interpreter
        }
    }

    private static string? FindScript()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, ScriptPath);
                if (File.Exists(candidate)) return candidate;
            }

        return null;
    }

    /// <summary>Runs a process to its end or the timeout (then ends it and its children), passing each line it prints on.</summary>
    private static (int ExitCode, bool TimedOut) RunProcess(string fileName, string[] arguments, TimeSpan timeout, Action<string> onLine)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) onLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) onLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (-1, true);
        }

        process.WaitForExit();   // drains the redirected output
        return (process.ExitCode, false);
    }
}
