namespace GradCheck.Bench;

/// <summary>
/// `--counts`: the forward evaluations each workload's check spends (deterministic for a seed, unlike timings on a shared
/// machine), in default and full mode, on one thread.
/// </summary>
public static class Counts
{
    public static void Run(bool includeFull)
    {
        var scenarios = new Scenarios();
        var standard = new CheckOptions { Seed = 1 };
        var full = new CheckOptions { Mode = CheckMode.Full, Seed = 1 };
        var workloads = new (string Name, Func<Differentiable> Build)[]
        {
            ("network", scenarios.NetworkCorrect),
            ("network with a bug", scenarios.NetworkWithBug),
            ("linear", scenarios.Linear),
            ("softmax cross-entropy", scenarios.SoftmaxCrossEntropy),
        };
        Console.WriteLine("| workload | default: forward evaluations (verdict) | full: forward evaluations (verdict) |");
        Console.WriteLine("|---|---|---|");
        foreach (var (name, build) in workloads)
        {
            var d = GradientCheck.Run(build(), standard);
            var f = includeFull ? GradientCheck.Run(build(), full) : null;
            if (Environment.GetEnvironmentVariable("GRADCHECK_COUNTS_REPORTS") is not null) Console.Error.WriteLine(d.Report);
            Console.WriteLine($"| {name} | {d.ForwardEvaluations:N0} ({d.Verdict}) | {(f is null ? "—" : $"{f.ForwardEvaluations:N0} ({f.Verdict})")} |");
        }
    }
}
