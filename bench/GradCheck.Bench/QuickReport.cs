using System.Diagnostics;

namespace GradCheck.Bench;

/// <summary>
/// `--quick`: each scenario timed in one process run (median of 3 after a warm-up), with the ratios of the README's performance table
/// and the peak managed heap during the check. BenchmarkDotNet gives the rigorous figures; this gives all of them in a minute.
/// </summary>
public static class QuickReport
{
    public static void Run()
    {
        var scenarios = new Scenarios();
        var full = new CheckOptions { Mode = CheckMode.Full, Seed = 1 };   // one instance: one thread
        var fast = new CheckOptions { Seed = 1 };

        var networkBare = Time(() => scenarios.NetworkBareEvaluations());
        var networkFull = Time(() => Check(GradientCheck.Run(scenarios.NetworkCorrect(), full), Verdict.Passed));
        var networkParallel = Time(() => Check(GradientCheck.Run(scenarios.NetworkFactory(), full), Verdict.Passed));
        var networkDefault = Time(() => Check(GradientCheck.Run(scenarios.NetworkCorrect(), fast), Verdict.Passed));
        var networkFailing = Time(() => Check(GradientCheck.Run(scenarios.NetworkWithBug(), fast), Verdict.Failed));
        var linearBare = Time(() => scenarios.LinearBareEvaluations());
        var linearFull = Time(() => Check(GradientCheck.Run(scenarios.Linear(), full), Verdict.Passed));
        var linearParallel = Time(() => Check(GradientCheck.Run(scenarios.LinearFactory(), full), Verdict.Passed));
        var linearDefault = Time(() => Check(GradientCheck.Run(scenarios.Linear(), fast), Verdict.Passed));
        var softmaxFull = Time(() => Check(GradientCheck.Run(scenarios.SoftmaxCrossEntropy(), full), Verdict.Passed));
        var softmaxParallel = Time(() => Check(GradientCheck.Run(scenarios.SoftmaxCrossEntropyFactory(), full), Verdict.Passed));
        var softmaxDefault = Time(() => Check(GradientCheck.Run(scenarios.SoftmaxCrossEntropy(), fast), Verdict.Passed));
        var linearPeak = PeakHeapDuring(() => GradientCheck.Run(scenarios.Linear(), full));
        var property = Time(() =>
        {
            var outcome = GradientProperty.Run(PropertyBenchmarks.AffineProperty).Verdict;
            if (outcome != PropertyVerdict.Passed) throw new InvalidOperationException($"[GradCheck] affine: {outcome}");
        });

        Console.WriteLine("| workload | GradCheck | PyTorch 1.13 gradcheck (reference) |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine($"| network (4,810 params), full, one thread | {Ms(networkFull)} | 2,600 ms |");
        Console.WriteLine($"| network, full, both cores (factory of copies) | {Ms(networkParallel)} | |");
        Console.WriteLine($"| network, default (passing) | {Ms(networkDefault)} | fast mode 7 ms |");
        Console.WriteLine(
            $"| network, default (failing, localised report) | {Ms(networkFailing)} ({networkFailing / networkFull:P1} of full) | ≈ 3,400 ms |");
        Console.WriteLine($"| linear x·W (N=32, D=128, M=64), full, one thread | {Ms(linearFull)} | 11,400 ms |");
        Console.WriteLine($"| linear, full, both cores (factory of copies) | {Ms(linearParallel)} | |");
        Console.WriteLine($"| linear, default | {Ms(linearDefault)} | fast mode 7 ms |");
        Console.WriteLine($"| softmax cross-entropy 64×100, full, one thread | {Ms(softmaxFull)} | 1,200 ms |");
        Console.WriteLine($"| softmax cross-entropy, full, both cores (factory of copies) | {Ms(softmaxParallel)} | |");
        Console.WriteLine($"| softmax cross-entropy, default | {Ms(softmaxDefault)} | |");
        Console.WriteLine($"| overhead: network full check / its 2n+1 bare forward passes | {networkFull / networkBare:0.00} | target ≤ 1.10 |");
        Console.WriteLine($"| overhead: linear full check / its 2n+1 bare forward passes | {linearFull / linearBare:0.00} | target ≤ 1.10 |");
        Console.WriteLine($"| a default [GradCheck] test of an affine layer (100 samples) | {Ms(property)} | |");
        Console.WriteLine($"| peak managed heap during the linear full check | {linearPeak / 1048576.0:0.0} MB | 1,560 MB |");
    }

    private static void Check(CheckResult result, Verdict expected)
    {
        if (result.Verdict != expected) throw new InvalidOperationException($"Expected {expected}:\n{result.Report}");
    }

    private static double Time(Action action)
    {
        action();
        var times = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[1];
    }

    private static double Time(Func<double> function) => Time(() => { function(); });

    private static long PeakHeapDuring(Action action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
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
        return Math.Max(0, peak - baseline);
    }

    private static string Ms(double milliseconds) => milliseconds >= 100 ? $"{milliseconds:N0} ms" : $"{milliseconds:0.0} ms";
}
