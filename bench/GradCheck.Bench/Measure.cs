using System.Diagnostics;

namespace GradCheck.Bench;

/// <summary>One workload's figures on one side: median wall time, and what the last run spent.</summary>
/// <param name="ForwardEvaluations">Forward passes of the last timed run, where the side counts them.</param>
/// <param name="PeakBytes">How far memory rose above its level before the run (managed heap here, resident set for the peer).</param>
/// <param name="ResidentSetBytes">This side's resident-set growth in the same run, like for like with the peer's.</param>
public sealed record Figure(
    double MedianMs, IReadOnlyList<double> RunsMs, long? ForwardEvaluations = null, long? PeakBytes = null, long? ResidentSetBytes = null,
    string? Outcome = null);

/// <summary>Timing and memory on this side: a median of several runs after a warm-up.</summary>
public static class Measure
{
    /// <summary>
    /// Median wall time of <paramref name="runs"/> runs. An untimed run goes first when <paramref name="warmUp"/> (the JIT) or
    /// <paramref name="measureMemory"/> (a sampler thread would distort a timed run) asks for one.
    /// </summary>
    public static Figure Median(Func<CheckResult?> run, int runs, bool warmUp = true, bool measureMemory = false)
    {
        (long Heap, long? ResidentSet)? memory = null;
        if (measureMemory) memory = PeakDuring(() => run());
        else if (warmUp) run();

        var times = new List<double>();
        CheckResult? last = null;
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            last = run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        var sorted = times.Order().ToList();
        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        return new Figure(median, times, last?.ForwardEvaluations, memory?.Heap, memory?.ResidentSet);
    }

    /// <summary>
    /// Peak managed heap above its level before the action, sampled every millisecond; and the resident set's growth from
    /// the kernel's high-water mark, reset before the action (Linux; null elsewhere).
    /// </summary>
    public static (long Heap, long? ResidentSet) PeakDuring(Action action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var residentBaseline = ResidentSet.ResetPeak();
        long peak = 0;
        using var done = new ManualResetEventSlim();
        var sampler = new Thread(() =>
        {
            while (!done.IsSet)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                Thread.Sleep(1);
            }
        });
        sampler.Start();
        action();
        done.Set();
        sampler.Join();
        var residentPeak = residentBaseline is null ? null : ResidentSet.Peak();
        return (Math.Max(0, peak - baseline), residentPeak - residentBaseline);
    }

    /// <summary>The process's resident set from /proc, as the peer measures its own.</summary>
    private static class ResidentSet
    {
        /// <summary>Resets the high-water mark VmHWM to the current resident set (writing 5 to clear_refs); returns that level.</summary>
        public static long? ResetPeak()
        {
            try
            {
                File.WriteAllText("/proc/self/clear_refs", "5");
                return Status("VmRSS");
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }

        public static long? Peak() => Status("VmHWM");

        private static long? Status(string field)
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith(field + ":", StringComparison.Ordinal))
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
            return null;
        }
    }
}
