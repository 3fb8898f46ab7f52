using System.Globalization;
using System.Text;

namespace GradCheck.Bench;

/// <summary>The quick report: a header saying when and where, one markdown table of both sides with their ratio, and notes.</summary>
public static class ReportTable
{
    public sealed record Context(
        DateTimeOffset Date, string LoadAtStart, string LoadAfterOurs, string LoadAtEnd, IReadOnlyDictionary<string, Figure> Ours,
        PeerOutcome Peer);

    private const string BothCores = "full check, both cores (PyTorch 2 threads; GradCheck a factory of copies)";
    private const string Passing = "passing: PyTorch `fast_mode=True` · GradCheck default";

    public static string Render(Context context)
    {
        var text = new StringBuilder();
        WriteHeader(text, context);
        text.AppendLine();
        text.AppendLine("| workload | PyTorch gradcheck | GradCheck | PyTorch ÷ GradCheck |");
        text.AppendLine("|---|---|---|---|");
        foreach (var row in Rows(context)) text.AppendLine($"| {row.Workload} | {row.Peer} | {row.Ours} | {row.Ratio} |");
        text.AppendLine();
        WriteNotes(text, context);
        return text.ToString();
    }

    private sealed record Row(string Workload, string Peer, string Ours, string Ratio);

    private static IEnumerable<Row> Rows(Context context)
    {
        Row Time(string workload, string peerKey, string oursKey, bool evaluations = false, bool memory = false)
        {
            var ours = context.Ours[oursKey];
            var peer = PeerFigure(context, peerKey);
            return new Row(workload, peer is null ? Missing(context, peerKey) : Cell(peer, evaluations, memory, "RSS"),
                Cell(ours, evaluations, memory, "heap"), ComparableRatio(peer, ours));
        }

        yield return Time("network (4,810 parameters), full check, 1 thread", "network.full.t1", "network.full.t1");
        yield return Time("linear x·W (32×128 · 128×64, 12,288 inputs), full check, 1 thread", "linear.full.t1", "linear.full.t1");
        yield return Time("softmax cross-entropy 64×100, full check, 1 thread", "softmax.full.t1", "softmax.full.t1");
        yield return Time($"network, {BothCores}", "network.full.t2", "network.full.t2");
        yield return Time($"linear, {BothCores}", "linear.full.t2", "linear.full.t2");
        yield return Time($"softmax cross-entropy, {BothCores}", "softmax.full.t2", "softmax.full.t2");
        yield return Time($"network, {Passing}", "network.fast", "network.default", evaluations: true);
        yield return Time($"linear, {Passing}", "linear.fast", "linear.default", evaluations: true);
        yield return Time($"softmax cross-entropy, {Passing}", "softmax.fast", "softmax.default", evaluations: true);
        yield return Time("network with a missing transpose in dW1: PyTorch full check until it raises · GradCheck default, localised",
            "network-bug.full", "network-bug.default", evaluations: true);
        yield return Time("the same bug: PyTorch `fast_mode=True` until it raises (having found it, fast mode recomputes the full Jacobian "
            + "for its message) · GradCheck default, localised",
            "network-bug.fast", "network-bug.default", evaluations: true);
        yield return MemoryRow(context);
        yield return Time("large: x·W, x 8×1000, W 1000×1000 (1,008,000 inputs), passing: PyTorch `fast_mode=True` · GradCheck default",
            "large.fast", "large.default", evaluations: true, memory: true);
        yield return Time(
            $"large, one element of dW {LargeScenario.WrongFactor:0} times too large among 10⁶: PyTorch `fast_mode=True` (detection only, see "
            + "notes) · GradCheck default, localised",
            "large-bug.fast", "large-bug.default", evaluations: true, memory: true);

        var ours = context.Ours;
        yield return new Row("overhead: network full check ÷ its 2n+1 bare forward passes (target ≤ 1.10)", "—",
            Number(ours["network.full.t1"].MedianMs / ours["network.bare"].MedianMs), "");
        yield return new Row("overhead: linear full check ÷ its 2n+1 bare forward passes (target ≤ 1.10)", "—",
            Number(ours["linear.full.t1"].MedianMs / ours["linear.bare"].MedianMs), "");
        yield return new Row("a default [GradCheck] test of an affine layer (100 samples)", "—", Ms(ours["property.affine"].MedianMs), "");
    }

    /// <summary>Times compare when both sides reached the same verdict: a check that missed the bug did less than one that found it.</summary>
    private static string ComparableRatio(Figure? peer, Figure ours) =>
        peer is null ? ""
        : peer.Outcome?.Contains("missed", StringComparison.Ordinal) == true ? "— (PyTorch missed the bug)"
        : Ratio(peer.MedianMs / ours.MedianMs);

    /// <summary>The peer's resident-set growth against this side's managed heap (as specified) and resident-set growth (like for like).</summary>
    private static Row MemoryRow(Context context)
    {
        const string workload = "peak memory during the linear full check, 1 thread (PyTorch: resident-set growth; GradCheck: managed heap, "
            + "resident-set growth in brackets)";
        var ours = context.Ours["linear.full.t1"];
        var oursCell = $"{Mb(ours.PeakBytes)} heap" + (ours.ResidentSetBytes is { } rss ? $" ({Mb(rss)} RSS)" : "");
        var peer = PeerFigure(context, "linear.full.t1");
        if (peer?.PeakBytes is not { } peerBytes) return new Row(workload, Missing(context, "linear.full.t1"), oursCell, "");

        var ratio = ours.PeakBytes is > 0 ? Ratio((double)peerBytes / ours.PeakBytes.Value) + " (heap)" : "";
        if (ours.ResidentSetBytes is > 0) ratio += $", {Ratio((double)peerBytes / ours.ResidentSetBytes.Value)} (RSS)";
        return new Row(workload, $"{Mb(peerBytes)} RSS", oursCell, ratio);
    }

    private static void WriteHeader(StringBuilder text, Context context)
    {
        var results = context.Peer.Results;
        text.AppendLine("## GradCheck and PyTorch's gradcheck, one run");
        text.AppendLine();
        text.AppendLine(Invariant($"- date: {context.Date:yyyy-MM-dd HH:mm} UTC"));
        text.AppendLine($"- machine: {Machine.Description()}");
        text.AppendLine($"- GradCheck: {Machine.DotNet()}, MathNet.Numerics {Machine.MathNetProvider()}, single-threaded products");
        text.AppendLine(results is null
            ? $"- PyTorch: none ({context.Peer.Problem})"
            : $"- PyTorch: torch {results.Torch} on Python {results.Python} ({results.Interpreter}), float64, CPU, BLAS {results.Blas}");
        text.AppendLine($"- load average (1 / 5 / 15 min): {context.LoadAtStart} at the start, {context.LoadAfterOurs} after GradCheck's side, "
            + $"{context.LoadAtEnd} at the end");
        text.AppendLine("- each figure: median wall time of 3 runs (5 for most checks under a second) after an untimed warm-up run; "
            + "a ratio above 1 means GradCheck is faster (or smaller)");
    }

    private static void WriteNotes(StringBuilder text, Context context)
    {
        text.AppendLine("Notes:");
        text.AppendLine("- Both sides check the same float64 values: the bench exports its matrices to the peer, which first reproduces "
            + "GradCheck's side's forward values and hand-written gradients on them, and times nothing that differs. Largest relative "
            + "differences: " + Verification(context.Peer.Results) + ".");
        text.AppendLine("- A PyTorch full check computes the whole numerical and analytical Jacobians (the linear layer's is "
            + "2,048 × 12,288); GradCheck's full check finite-differences every input element of Σ u∘y for one random upstream u. "
            + "PyTorch's fast mode and GradCheck's default both probe random directions. PyTorch's figures include the side checks "
            + "its gradcheck runs by default (the backward pass computed twice for reentrancy, a zero upstream, an undefined one).");
        text.AppendLine("- The large workload's PyTorch full check is not run: 2,016,000 forward passes and two dense 8,000 × 1,008,000 "
            + "Jacobians (65 GB each). For the same reason its fast mode on the planted bug is timed without the step that, once fast "
            + "mode has found a mismatch, recomputes every input's full numerical Jacobian for the message: the figure is detection alone.");
        text.AppendLine("- Memory: the rise above the level before the run. Resident set from the kernel's high-water mark (VmHWM, reset "
            + "through /proc/self/clear_refs): PyTorch's in a fresh process for each workload, GradCheck's with the linear full check as "
            + "its process's first; managed heap sampled every millisecond during an untimed run.");
        if (context.Peer.Results?.Blas.Split(", ").Any(library => library.StartsWith("blas/", StringComparison.Ordinal)) == true)
            text.AppendLine("- PyTorch ran on the reference BLAS (Debian's default libblas.so.3), several times slower at matrix products than an "
                + "optimised one: `apt-get install -y libopenblas0-openmp` for a fair comparison.");
        if (context.Peer.Results is { Errors.Count: > 0 } results)
            foreach (var (key, error) in results.Errors)
                text.AppendLine($"- PyTorch {key} failed: {error}");
        if (context.Peer is { Results: not null, Problem: { } problem }) text.AppendLine($"- PyTorch peer: {problem}");
    }

    private static string Verification(PeerResults? results) =>
        results is null
            ? "not run"
            : string.Join("; ", results.Verification.Select(v => v.Value.Error is { } error
                ? $"{v.Key}: {error}"
                : Invariant($"{v.Key} {v.Value.MaxRelativeDifference:0.0e+00} (worst in {v.Value.Where})")));

    private static Figure? PeerFigure(Context context, string key) =>
        context.Peer.Results?.Figures.TryGetValue(key, out var figure) == true ? figure.ToFigure() : null;

    private static string Missing(Context context, string key) =>
        context.Peer.Results?.Errors.ContainsKey(key) == true ? "failed (see notes)"
        : context.Peer.Results is null ? context.Peer.Ran ? "failed (see header)" : "skipped"
        : "not run";

    private static string Cell(Figure figure, bool evaluations, bool memory, string memoryKind)
    {
        var cell = Ms(figure.MedianMs);
        if (evaluations && figure.ForwardEvaluations is { } count) cell += Invariant($" · {count:N0} evaluations");
        if (memory && figure.PeakBytes is { } bytes) cell += $" · {Mb(bytes)} {memoryKind}";
        if (figure.Outcome is { } outcome && outcome != "passed") cell += $" · {outcome}";
        return cell;
    }

    private static string Ms(double milliseconds) =>
        milliseconds >= 100 ? Invariant($"{milliseconds:N0} ms") : Invariant($"{milliseconds:0.0} ms");

    private static string Mb(long? bytes) => bytes is { } b ? Invariant($"{b / 1048576.0:N1} MB") : "n/a";

    private static string Ratio(double ratio) => ratio >= 10 ? Invariant($"{ratio:N0}×") : Invariant($"{ratio:0.00}×");

    private static string Number(double value) => Invariant($"{value:0.00}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
