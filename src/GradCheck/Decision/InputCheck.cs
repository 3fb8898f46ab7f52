namespace GradCheck;

/// <summary>
/// The check of one differentiated input, from its probes to its <see cref="InputResult"/>: directional probes (default
/// mode) or every element (full mode); localisation when a probe fails; the joint check of elements at a kink; the
/// re-check of a failure no element explains; diagnosis; and a Taylor confirmation that must agree before it is printed.
/// </summary>
internal static class InputCheck
{
    /// <summary>Fresh directions that must reproduce a failing probe no element explains before it is reported.</summary>
    private const int RecheckDirections = 4;

    /// <summary>More directions a default check may take when the first ones resolve a uniform relative error coarser than this.</summary>
    private const int ExtraDirections = 4;

    internal const double SharpEnough = 2e-4;

    /// <param name="workers">One checker per instance (one, unless a full check runs on several cores).</param>
    /// <param name="options">The check's options.</param>
    /// <param name="random">The check's random source (directions, samples).</param>
    /// <param name="sizes">The sizes of the check's inputs and output, for the diagnosis of constant factors.</param>
    public static InputResult Run(IReadOnlyList<InputChecker> workers, CheckOptions options, Random random, IReadOnlyCollection<int> sizes)
    {
        var checker = workers[0];
        var result = new InputResult(checker.Storage.Name, checker.Shape);
        var calibrationSeed = random.Next();
        var directions = new List<DirectionResult>();
        Localization? localization;
        if (options.Mode == CheckMode.Full)
        {
            // Every worker calibrates along the same direction, so they start their elements at the same level.
            foreach (var worker in workers) worker.Calibrate(new Random(calibrationSeed));
            if (options.CompressFullChecks && options.NondeterminismTolerance == 0) Compress(workers, new Random(calibrationSeed ^ CompressionSeedSalt));
            if (workers.Count > 1) CheckAllInParallel(workers);
            else checker.CheckAllElements();
            localization = Localizer.Summarize(checker);
            JointlyAtKinks(checker, random, result, directions);
        }
        else
        {
            localization = Probe(checker, options, random, calibrationSeed, result, directions);
        }

        if (directions.Count > 0 && !checker.CheckedElements().Any(e => e.Verdict == Verdict.Failed))
            Reproduce(checker, random, result, directions);
        if (options.ConfirmFailures) Confirm(checker, result);
        return Summarize(checker, options, result, localization, directions, sizes);
    }

    /// <summary>
    /// Full mode on a matrix output: the first layout (rows or columns) that this input's blocks are verified to keep to
    /// makes every worker move its groups at once. Verified on the first worker (the others hold copies of the same layer),
    /// on a random source of its own, so the rest of the check draws what it would draw uncompressed.
    /// </summary>
    private static void Compress(IReadOnlyList<InputChecker> workers, Random random)
    {
        if (workers[0].BlockOutputShape is not { } output) return;
        foreach (var layout in BlockLayout.Candidates(output, workers[0].Shape))
        {
            if (workers[0].VerifyBlocks(layout, random) is not { } widest) continue;
            foreach (var worker in workers) worker.Compress(layout, widest);
            return;
        }
    }

    private const int CompressionSeedSalt = 0x43505221;

    /// <summary>Default mode: signed directions over the whole input, then localisation when one fails or crosses a kink.</summary>
    private static Localization? Probe(InputChecker checker, CheckOptions options, Random random, int calibrationSeed, InputResult result,
        List<DirectionResult> failed)
    {
        var all = checker.AllIndices();
        var atKink = false;
        var sharpest = double.PositiveInfinity;
        for (var d = 0; d < options.DirectionsPerInput + ExtraDirections; d++)
        {
            // Beyond the asked-for directions only while none has resolved a uniform relative error of 2e-4 (a gradient
            // off by a factor moves ⟨g, v⟩ by that factor; where ⟨g, v⟩ cancels or the function is noisy, it may hide).
            // Those extra directions alternate between the gradient's signs, along which ⟨g, v⟩ cannot cancel, and random ones.
            if (d >= options.DirectionsPerInput && (sharpest <= SharpEnough || failed.Count > 0 || atKink)) break;
            var probe = d == 0 ? checker.Calibrate(new Random(calibrationSeed))
                : checker.Probe(d >= options.DirectionsPerInput && (d - options.DirectionsPerInput) % 2 == 0
                    ? checker.AlignedDirection(all, random)
                    : checker.RandomDirection(all, random));
            Count(probe, all.Length, result, failed, ref atKink);
            if (probe.Verdict == Verdict.Passed) sharpest = Math.Min(sharpest, probe.Tolerance / Math.Max(Math.Abs(probe.Analytic), double.Epsilon));
        }

        // Along random signs a max tie whose gradient goes to both slots can pass; along positive magnitudes it cannot.
        if (atKink && failed.Count == 0) Count(checker.Probe(checker.PositiveDirection(all, random)), all.Length, result, failed, ref atKink);
        return failed.Count > 0 || atKink ? Localizer.Run(checker, random) : null;
    }

    private static void Count(ProbeResult probe, int elements, InputResult result, List<DirectionResult> failed, ref bool atKink)
    {
        result.ProbeCount++;
        if (probe.Verdict == Verdict.Failed)
        {
            result.FailedProbeCount++;
            failed.Add(DirectionResult.From(probe, elements));
        }
        else if (probe.Verdict == Verdict.NonDifferentiable)
        {
            atKink = true;
        }
    }

    /// <summary>
    /// Elements each at a kink may be right one by one and wrong together (a max tie routed to both slots): the
    /// directional derivative along a joint direction must lie between its one-sided slopes too.
    /// </summary>
    private static void JointlyAtKinks(InputChecker checker, Random random, InputResult result, List<DirectionResult> failed)
    {
        var kinks = checker.CheckedElements().Where(e => e.Verdict == Verdict.NonDifferentiable).Select(e => e.Index).ToArray();
        if (kinks.Length < 2) return;
        var ignored = false;
        Count(checker.Probe(checker.RandomDirection(kinks, random)), kinks.Length, result, failed, ref ignored);
        Count(checker.Probe(checker.PositiveDirection(kinks, random)), kinks.Length, result, failed, ref ignored);
    }

    /// <summary>
    /// A failing probe that no element explains is probed again along fresh directions; only a failure they reproduce is
    /// reported, with the failing directions as the evidence.
    /// </summary>
    private static void Reproduce(InputChecker checker, Random random, InputResult result, List<DirectionResult> failed)
    {
        if (failed.All(d => d.LowerSlope is not null)) return; // failures at a kink were judged jointly already: they stand
        var all = checker.AllIndices();
        var reproduced = new List<DirectionResult>();
        var ignored = false;
        for (var d = 0; d < RecheckDirections; d++)
            Count(checker.Probe(checker.RandomDirection(all, random)), all.Length, result, reproduced, ref ignored);
        failed.Clear();
        failed.AddRange(reproduced);
    }

    /// <summary>
    /// The Taylor test along the worst smooth failure. One that finds the gradient consistent contradicts the failure:
    /// the failing elements are checked again on ladders starting two steps wider (independent evidence). What still
    /// fails is reported without the contradicting line; what passes there is not reported as wrong.
    /// </summary>
    private static void Confirm(InputChecker checker, InputResult result)
    {
        if (WorstSmoothFailure(checker) is not { } worst) return;
        var confirmation = checker.ConfirmAt(worst.Index);
        if (!confirmation.IsConsistent)
        {
            result.Confirmation = confirmation;
            return;
        }

        foreach (var element in checker.CheckedElements().Where(e => e.Verdict == Verdict.Failed && !checker.IsAtKink(e.Index)).ToList())
            checker.Recheck(element.Index, finer: -2);
    }

    private static ElementResult? WorstSmoothFailure(InputChecker checker) =>
        checker.CheckedElements().Where(e => e.Verdict == Verdict.Failed && !checker.IsAtKink(e.Index))
            .OrderByDescending(e => e.AbsoluteError / Math.Max(e.Tolerance, double.Epsilon)).FirstOrDefault();

    private static InputResult Summarize(InputChecker checker, CheckOptions options, InputResult result, Localization? localization,
        List<DirectionResult> directions, IReadOnlyCollection<int> sizes)
    {
        var elements = checker.CheckedElements().ToList();
        result.CheckedElementCount = elements.Count;
        if (options.KeepElementResults) result.CheckedElements = elements;
        result.CompressedAlong = checker.CompressedAlong;
        result.FailedElementCount = elements.Count(e => e.Verdict == Verdict.Failed);
        result.NonDifferentiableElementCount = elements.Count(e => e.Verdict == Verdict.NonDifferentiable);
        result.WrongElementCount = localization is { IsEstimate: true } ? Math.Max(localization.WrongElements, result.FailedElementCount)
            : result.FailedElementCount;
        result.WrongElementCountIsEstimate = localization?.IsEstimate ?? false;
        result.Resolution = checker.Resolution;
        result.Verdict = result.FailedElementCount > 0 || directions.Count > 0 ? Verdict.Failed
            : result.NonDifferentiableElementCount > 0 ? Verdict.NonDifferentiable
            : Verdict.Passed;
        if (result.Verdict != Verdict.Failed) result.Confirmation = null;
        if (result.Verdict == Verdict.Passed) return result;

        result.FailedDirections = directions;
        var shown = result.Verdict == Verdict.Failed ? Verdict.Failed : Verdict.NonDifferentiable;
        result.WorstElements = elements.Where(e => e.Verdict == shown)
            .OrderByDescending(e => e.AbsoluteError / Math.Max(e.Tolerance, double.Epsilon))
            .ThenBy(e => e.Index)
            .Take(options.ReportedElements)
            .ToList();
        result.Heatmap = localization?.Heatmap ?? Localizer.Summarize(checker).Heatmap;
        if (result.Verdict == Verdict.Failed) result.Diagnosis = DiagnosisFinder.Find(checker, sizes);
        return result;
    }

    /// <summary>
    /// Each checker takes a contiguous share of the elements (or of the groups, when compressed) on its own thread; the first
    /// then holds them all.
    /// </summary>
    private static void CheckAllInParallel(IReadOnlyList<InputChecker> checkers)
    {
        var count = checkers[0].ShareCount;
        int Start(int worker) => (int)((long)count * worker / checkers.Count);
        try
        {
            Parallel.For(0, checkers.Count, new ParallelOptions { MaxDegreeOfParallelism = checkers.Count },
                w => checkers[w].CheckShare(Start(w), Start(w + 1)));
        }
        catch (AggregateException exception) when (exception.InnerExceptions.FirstOrDefault(e => e is CheckFaultException) is { } fault)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(fault).Throw();
        }

        // A worker checked only its share: taking over all it checked takes over its share, whatever the units.
        for (var w = 1; w < checkers.Count; w++) checkers[0].Adopt(checkers[w], 0, checkers[0].Shape.Count);
    }
}
