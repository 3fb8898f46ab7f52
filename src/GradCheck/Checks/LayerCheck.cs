namespace GradCheck;

/// <summary>
/// The data path of a check: guards → analytic vector–Jacobian product once → directional probes per input (or every
/// element) → on a mismatch, localisation → diagnosis and Taylor confirmation → result. Inputs are restored bit for bit
/// in the end whatever happened.
/// </summary>
internal static class LayerCheck
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
                    new InputChecker(captured[w].Views[i], captured[w].Snapshots[i], p.Gradients[k], p.Prober, options)).ToList();
                if (checkers.Count > 1) CheckAllInParallel(checkers);
                results.Add(CheckInput(checkers[0], options, randoms[0]));
            }

            var verdict = results.Any(r => r.Outcome == Outcome.Failed) ? Verdict.Failed
                : results.Any(r => r.Outcome == Outcome.NonDifferentiable) ? Verdict.NonDifferentiable
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
                results.Add(TaylorTest.Run(prober, captured.Views[i], snapshot, direction, gradients[k]));
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
        var (inputs, views, snapshots) = (differentiable.Inputs, captured.Views, captured.Snapshots);
        var function = differentiable.CreateFunction();
        Guards.CheckForward(function, views, snapshots);
        function.DrawUpstream(random);
        var prober = new Prober(function);
        prober.EvaluateBase();

        var differentiated = Enumerable.Range(0, inputs.Count).Where(i => inputs[i].IsDifferentiated).ToList();
        var gradients = GradientList.Read(RunBackward(function), differentiated.Select(i => views[i]).ToList());
        Guards.RequireUnchanged(views, snapshots, FaultKind.BackwardMutatesInput, "backward");
        return (prober, differentiated, gradients);
    }

    private static object? RunBackward(LayerFunction function)
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
        var result = new InputResult(checker.View.Name, checker.Shape);
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
                result.Probes++;
                if (checker.Probe(checker.RandomDirection(all, random)).Outcome != Outcome.Passed) result.FailedProbes++;
            }

            if (result.FailedProbes > 0) localization = Localizer.Run(checker, random);
        }

        var elements = checker.CheckedElements().ToList();
        result.CheckedElements = elements.Count;
        result.FailedElements = elements.Count(e => e.Outcome == Outcome.Failed);
        result.NonDifferentiableElements = elements.Count(e => e.Outcome == Outcome.NonDifferentiable);
        result.WrongElements = localization?.WrongElements ?? 0;
        result.IsEstimate = localization?.IsEstimate ?? false;
        result.Outcome = result.FailedElements > 0 ? Outcome.Failed
            : result.NonDifferentiableElements > 0 ? Outcome.NonDifferentiable
            : result.FailedProbes > 0 && localization is { IsEstimate: true } ? Outcome.Failed
            : Outcome.Passed;
        if (result.Outcome == Outcome.Passed) return result;

        var shown = result.Outcome == Outcome.Failed ? Outcome.Failed : Outcome.NonDifferentiable;
        result.WorstElements = elements.Where(e => e.Outcome == shown)
            .OrderByDescending(e => e.AbsoluteError / Math.Max(e.Tolerance, double.Epsilon))
            .Take(options.ReportedElements)
            .ToList();
        result.Heatmap = localization?.Heatmap.Render();
        if (result.Outcome != Outcome.Failed) return result;

        result.Diagnosis = Diagnosis.Of(checker);
        if (options.ConfirmFailures && result.WorstElements.Count > 0)
            result.Confirmation = checker.ConfirmAt(result.WorstElements[0].Index);
        return result;
    }
}
