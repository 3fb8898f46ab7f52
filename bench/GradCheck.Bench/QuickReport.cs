namespace GradCheck.Bench;

/// <summary>
/// `--quick`: every workload timed on this side, then by the PyTorch peer (bench/peer/gradcheck_peer.py) on the same inputs in
/// the same run, printed as one markdown table with the ratio. BenchmarkDotNet gives this side's rigorous figures.
/// </summary>
/// <remarks>
/// Repetitions: a median of 3 runs for checks of a second or more, 5 for the quick ones, each after an untimed warm-up run.
/// The linear full checks take 6–12 s a run on each side, so theirs is the memory run, and their two-core runs follow the
/// network's, already warm. The whole report takes about five minutes, half of it PyTorch's.
/// </remarks>
public static class QuickReport
{
    private const int SlowRuns = 3, QuickRuns = 5;

    public static void Run(bool withPeer)
    {
        var date = DateTimeOffset.UtcNow;
        var loadAtStart = Machine.LoadAverage();
        var scenarios = new Scenarios();
        var large = new LargeScenario();

        var ours = MeasureOurs(scenarios, large);
        var loadAfterOurs = Machine.LoadAverage();
        var peer = withPeer ? Peer.Run(scenarios, large) : PeerOutcome.Skipped("not run (--no-peer)");
        var loadAtEnd = Machine.LoadAverage();

        if (peer.Problem is not null) Console.Error.WriteLine($"PyTorch peer {(peer.Ran ? "failed" : "skipped")}: {peer.Problem}");
        Console.WriteLine(ReportTable.Render(new ReportTable.Context(date, loadAtStart, loadAfterOurs, loadAtEnd, ours, peer)));
    }

    /// <summary>This side's figures, keyed like the peer's where the peer has the same workload.</summary>
    private static Dictionary<string, Figure> MeasureOurs(Scenarios scenarios, LargeScenario large)
    {
        var full = new CheckOptions { Mode = CheckMode.Full, Seed = 1 };   // one instance: one thread
        var standard = new CheckOptions { Seed = 1 };
        var figures = new Dictionary<string, Figure>();
        void Add(string key, Func<CheckResult?> run, int runs, bool warmUp = true, bool measureMemory = false)
        {
            Console.Error.Write($"GradCheck: {key} ... ");
            figures[key] = Measure.Median(run, runs, warmUp, measureMemory);
            Console.Error.WriteLine($"median {figures[key].MedianMs:0.0} ms");
        }

        // First, in a fresh process as on the peer's side, so that the resident set's growth is this check's alone.
        Add("linear.full.t1", () => Expect(GradientCheck.Run(scenarios.Linear(), full), Verdict.Passed), SlowRuns, measureMemory: true);

        Add("network.full.t1", () => Expect(GradientCheck.Run(scenarios.NetworkCorrect(), full), Verdict.Passed), SlowRuns);
        Add("network.full.t2", () => Expect(GradientCheck.Run(scenarios.NetworkFactory(), full), Verdict.Passed), SlowRuns);
        Add("network.default", () => Expect(GradientCheck.Run(scenarios.NetworkCorrect(), standard), Verdict.Passed), QuickRuns);
        Add("network-bug.default", () => Expect(GradientCheck.Run(scenarios.NetworkWithBug(), standard), Verdict.Failed), QuickRuns);
        Add("network.bare", () => Bare(scenarios.NetworkBareEvaluations), SlowRuns);

        Add("linear.full.t2", () => Expect(GradientCheck.Run(scenarios.LinearFactory(), full), Verdict.Passed), SlowRuns, warmUp: false);
        Add("linear.default", () => Expect(GradientCheck.Run(scenarios.Linear(), standard), Verdict.Passed), QuickRuns);
        Add("linear.bare", () => Bare(scenarios.LinearBareEvaluations), SlowRuns, warmUp: false);

        Add("softmax.full.t1", () => Expect(GradientCheck.Run(scenarios.SoftmaxCrossEntropy(), full), Verdict.Passed), SlowRuns);
        Add("softmax.full.t2", () => Expect(GradientCheck.Run(scenarios.SoftmaxCrossEntropyFactory(), full), Verdict.Passed), SlowRuns);
        Add("softmax.default", () => Expect(GradientCheck.Run(scenarios.SoftmaxCrossEntropy(), standard), Verdict.Passed), QuickRuns);

        Add("large.default", () => Expect(GradientCheck.Run(large.Linear(), standard), Verdict.Passed), SlowRuns, measureMemory: true);
        Add("large-bug.default", () => ExpectOneWrongElement(GradientCheck.Run(large.LinearWithOneWrongElement(), standard)),
            SlowRuns, measureMemory: true);

        Add("property.affine", () =>
        {
            var outcome = GradientProperty.Run(PropertyBenchmarks.AffineProperty).Verdict;
            return outcome == PropertyVerdict.Passed ? null : throw new InvalidOperationException($"[GradCheck] affine: {outcome}");
        }, QuickRuns);
        return figures;
    }

    private static CheckResult Expect(CheckResult result, Verdict expected) =>
        result.Verdict == expected ? result : throw new InvalidOperationException($"Expected {expected}:\n{result.Report}");

    /// <summary>The large failing check must name the one wrong element first, and only it.</summary>
    private static CheckResult ExpectOneWrongElement(CheckResult result)
    {
        var weights = Expect(result, Verdict.Failed).Inputs.Single(i => i.Name == "W");
        var worst = weights.WorstElements.FirstOrDefault();
        return worst is { Row: LargeScenario.WrongRow, Column: LargeScenario.WrongColumn } && weights.WrongElementCount == 1
            ? result
            : throw new InvalidOperationException($"Expected W[{LargeScenario.WrongRow}, {LargeScenario.WrongColumn}] alone:\n{result.Report}");
    }

    private static CheckResult? Bare(Func<double> evaluations)
    {
        evaluations();
        return null;
    }
}
