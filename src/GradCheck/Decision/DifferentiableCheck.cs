namespace GradCheck;

/// <summary>
/// The data path of a check: guards → analytic vector–Jacobian product once → directional probes per input (or every
/// element) → on a mismatch, localisation → diagnosis and Taylor confirmation → result. Inputs are restored bit for bit
/// in the end whatever happened.
/// </summary>
internal static class DifferentiableCheck
{
    public static CheckResult Run(Differentiable differentiable, CheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(differentiable);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return Run([differentiable], options);
    }

    /// <summary>
    /// A full check shared out between workers, each on its own instance (its own copies of the inputs) from
    /// <paramref name="create"/>; other modes use one instance.
    /// </summary>
    public static CheckResult Run(Func<Differentiable> create, CheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var workers = options.Mode == CheckMode.Full ? Math.Clamp(options.MaxDegreeOfParallelism, 1, Environment.ProcessorCount) : 1;
        var instances = new List<Differentiable>();
        for (var w = 0; w < workers; w++)
            instances.Add(create() ?? throw new ArgumentException("The factory returned null instead of a Differentiable.", nameof(create)));
        return Run(instances, options);
    }

    private static CheckResult Run(IReadOnlyList<Differentiable> instances, CheckOptions options)
    {
        var seed = options.Seed ?? Random.Shared.Next();
        // One generator per instance, seeded alike: every instance draws the same upstream gradient.
        var randoms = instances.Select(_ => new Random(seed)).ToList();
        var captured = new List<CapturedInputs>();
        var probers = new List<Prober>();
        try
        {
            foreach (var instance in instances) captured.Add(CapturedInputs.Capture(instance.Inputs));
            Guards.RequireIndependentInstances(instances);
            var prepared = instances.Select((instance, w) => Prepare(instance, captured[w], randoms[w])).ToList();
            probers.AddRange(prepared.Select(p => p.Prober));
            var differentiated = prepared[0].Differentiated;
            var results = new List<InputResult>();
            for (var k = 0; k < differentiated.Count; k++)
            {
                var i = differentiated[k];
                var checkers = prepared.Select((p, w) =>
                    new InputChecker(captured[w].Storages[i], captured[w].Snapshots[i], p.Gradients[k], p.Prober, options)).ToList();
                if (checkers.Count > 1) CheckAllInParallel(checkers);
                results.Add(CheckInput(checkers[0], options, randoms[0]));
            }

            var verdict = results.Any(r => r.Verdict == Verdict.Failed) ? Verdict.Failed
                : results.Any(r => r.Verdict == Verdict.NonDifferentiable) ? Verdict.NonDifferentiable
                : Verdict.Passed;
            return new CheckResult(verdict, options.Mode, seed, results, null, probers.Sum(p => p.Evaluations));
        }
        catch (CheckFaultException fault)
        {
            return new CheckResult(Verdict.Invalid, options.Mode, seed, [], fault.Fault, probers.Sum(p => p.Evaluations));
        }
        finally
        {
            foreach (var inputs in captured) inputs.Dispose();
        }
    }

    /// <summary>Each checker takes a contiguous share of the elements on its own thread; the first then holds them all.</summary>
    private static void CheckAllInParallel(List<InputChecker> checkers)
    {
        var count = checkers[0].Shape.Count;
        int Start(int worker) => (int)((long)count * worker / checkers.Count);
        try
        {
            Parallel.For(0, checkers.Count, new ParallelOptions { MaxDegreeOfParallelism = checkers.Count },
                w => checkers[w].CheckRange(Start(w), Start(w + 1)));
        }
        catch (AggregateException exception) when (exception.InnerExceptions.FirstOrDefault(e => e is CheckFaultException) is { } fault)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(fault).Throw();
        }

        for (var w = 1; w < checkers.Count; w++) checkers[0].Adopt(checkers[w], Start(w), Start(w + 1));
    }

    /// <summary>The Taylor-remainder test of each differentiated input along a random signed direction.</summary>
    public static IReadOnlyList<TaylorResult> Taylor(Differentiable differentiable, int? seed)
    {
        ArgumentNullException.ThrowIfNull(differentiable);
        var actualSeed = seed ?? Random.Shared.Next();
        var random = new Random(actualSeed);
        try
        {
            using var captured = CapturedInputs.Capture(differentiable.Inputs);
            var (prober, differentiated, gradients) = Prepare(differentiable, captured, random);
            var results = new List<TaylorResult>();
            for (var k = 0; k < differentiated.Count; k++)
            {
                var i = differentiated[k];
                var snapshot = captured.Snapshots[i];
                var steps = snapshot.Select(x => (random.Next(2) == 0 ? 1 : -1) * Math.Max(1.0, Math.Abs(x))).ToArray();
                var direction = new Direction(Enumerable.Range(0, steps.Length).ToArray(), steps);
                results.Add(TaylorTest.Run(prober, captured.Storages[i], snapshot, direction, gradients[k]));
            }

            return results;
        }
        catch (CheckFaultException fault)
        {
            throw new GradientCheckException(new CheckResult(Verdict.Invalid, CheckMode.Default, actualSeed, [], fault.Fault, 0));
        }
    }

    /// <summary>Guards, the upstream gradient, φ at the unperturbed inputs and the analytic gradients, once.</summary>
    private static (Prober Prober, List<int> Differentiated, double[][] Gradients) Prepare(
        Differentiable differentiable, CapturedInputs captured, Random random)
    {
        var (inputs, storages, snapshots) = (differentiable.Inputs, captured.Storages, captured.Snapshots);
        var function = differentiable.CreateObjective();
        Guards.CheckForward(function, storages, snapshots);
        function.DrawUpstream(random);
        var prober = new Prober(function);
        prober.EvaluateBase();

        var differentiated = Enumerable.Range(0, inputs.Count).Where(i => inputs[i].IsDifferentiated).ToList();
        var gradients = GradientReader.Read(RunBackward(function), differentiated.Select(i => storages[i]).ToList());
        Guards.RequireUnchanged(storages, snapshots, FaultKind.BackwardMutatesInput, "backward");
        return (prober, differentiated, gradients);
    }

    private static object? RunBackward(ProjectedObjective function)
    {
        try
        {
            return function.Backward();
        }
        catch (Exception exception) when (exception is not CheckFaultException)
        {
            throw Guards.Fault(FaultKind.BackwardThrew,
                $"The backward pass threw {exception.GetType().Name}: {exception.Message}", null, exception);
        }
    }

    private static InputResult CheckInput(InputChecker checker, CheckOptions options, Random random)
    {
        var result = new InputResult(checker.Storage.Name, checker.Shape);
        Localization? localization = null;
        if (options.Mode == CheckMode.Full)
        {
            localization = Localizer.CheckEverything(checker);
        }
        else
        {
            var all = Enumerable.Range(0, checker.Shape.Count).ToArray();
            for (var d = 0; d < options.DirectionsPerInput; d++)
            {
                result.ProbeCount++;
                if (checker.Probe(checker.RandomDirection(all, random)).Verdict != Verdict.Passed) result.FailedProbeCount++;
            }

            if (result.FailedProbeCount > 0) localization = Localizer.Run(checker, random);
        }

        var elements = checker.CheckedElements().ToList();
        result.CheckedElementCount = elements.Count;
        result.FailedElementCount = elements.Count(e => e.Verdict == Verdict.Failed);
        result.NonDifferentiableElementCount = elements.Count(e => e.Verdict == Verdict.NonDifferentiable);
        result.WrongElementCount = localization?.WrongElements ?? 0;
        result.WrongElementCountIsEstimate = localization?.IsEstimate ?? false;
        result.Verdict = result.FailedElementCount > 0 ? Verdict.Failed
            : result.NonDifferentiableElementCount > 0 ? Verdict.NonDifferentiable
            : result.FailedProbeCount > 0 && localization is { IsEstimate: true } ? Verdict.Failed
            : Verdict.Passed;
        if (result.Verdict == Verdict.Passed) return result;

        var shown = result.Verdict == Verdict.Failed ? Verdict.Failed : Verdict.NonDifferentiable;
        result.WorstElements = elements.Where(e => e.Verdict == shown)
            .OrderByDescending(e => e.AbsoluteError / Math.Max(e.Tolerance, double.Epsilon))
            .Take(options.ReportedElements)
            .ToList();
        result.Heatmap = localization?.Heatmap;
        if (result.Verdict != Verdict.Failed) return result;

        result.Diagnosis = DiagnosisFinder.Find(checker);
        if (options.ConfirmFailures && result.WorstElements.Count > 0)
            result.Confirmation = checker.ConfirmAt(result.WorstElements[0].Index);
        return result;
    }
}
