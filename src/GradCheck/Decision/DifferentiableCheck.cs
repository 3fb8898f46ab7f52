namespace GradCheck;

/// <summary>
/// The data path of a check: guards → analytic vector–Jacobian product once → per input (<see cref="InputCheck"/>):
/// directional probes or every element, localisation, diagnosis and confirmation → result. Inputs are restored bit for
/// bit in the end whatever happened.
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
            var prepared = instances.Select((instance, w) => Prepare(instance, captured[w], randoms[w], options.NondeterminismTolerance)).ToList();
            probers.AddRange(prepared.Select(p => p.Prober));
            var differentiated = prepared[0].Differentiated;
            // The sizes a constant factor may come from (1/N of a batch mean, √D of an attention scale).
            var sizes = captured[0].Storages.SelectMany(s => new[] { s.Shape.Rows, s.Shape.Columns })
                .Concat(prepared[0].Prober.OutputSizes).Where(n => n > 2).ToHashSet();
            var results = new List<InputResult>();
            var checkers = new List<InputChecker>?[differentiated.Count];
            List<InputChecker> CheckersOf(int k) => checkers[k] ??= prepared.Select((p, w) => new InputChecker(
                captured[w].Storages[differentiated[k]], captured[w].Snapshots[differentiated[k]], p.Gradients[k], p.Prober, options)).ToList();
            var joint = options.Mode == CheckMode.Default && differentiated.Count > 1
                ? Joint(Enumerable.Range(0, differentiated.Count).Select(k => CheckersOf(k)[0]).ToList(), prepared[0].Prober, captured[0], options, seed)
                : new JointProbe.Pass?[differentiated.Count];
            for (var k = 0; k < differentiated.Count; k++)
            {
                if (joint[k] is { } pass)
                {
                    results.Add(JointProbe.Result(CheckersOf(k)[0], pass, differentiated.Count));
                    continue;
                }

                results.Add(InputCheck.Run(CheckersOf(k), options, randoms[0], sizes));
                checkers[k] = null;
                // A forward pass that wrote to an input only away from the unperturbed point, where the restore of the
                // moved elements does not reach, is caught here.
                for (var w = 0; w < prepared.Count; w++)
                    Guards.RequireUnchanged(captured[w].Storages, captured[w].Snapshots, FaultKind.ForwardMutatesInput, "forward (at perturbed inputs)");
            }

            foreach (var instance in prepared) instance.Prober.RequireBaseUnchanged();

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

    /// <summary>
    /// Default mode's joint probes over all differentiated inputs (<see cref="JointProbe"/>), on their own random source so
    /// that the inputs' own probes draw what they drew without them.
    /// </summary>
    private static JointProbe.Pass?[] Joint(List<InputChecker> inputs, Prober prober, CapturedInputs captured, CheckOptions options, int seed)
    {
        var passes = JointProbe.Run(inputs, prober, options, new Random(seed ^ JointSeedSalt));
        Guards.RequireUnchanged(captured.Storages, captured.Snapshots, FaultKind.ForwardMutatesInput, "forward (at perturbed inputs)");
        return passes;
    }

    private const int JointSeedSalt = 0x4A6F696E;

    /// <summary>The Taylor-remainder test of each differentiated input along a random signed direction.</summary>
    public static IReadOnlyList<TaylorResult> Taylor(Differentiable differentiable, int? seed)
    {
        ArgumentNullException.ThrowIfNull(differentiable);
        var actualSeed = seed ?? Random.Shared.Next();
        var random = new Random(actualSeed);
        try
        {
            using var captured = CapturedInputs.Capture(differentiable.Inputs);
            var (prober, differentiated, gradients) = Prepare(differentiable, captured, random, nondeterminismTolerance: 0);
            var results = new List<TaylorResult>();
            for (var k = 0; k < differentiated.Count; k++)
            {
                var i = differentiated[k];
                var snapshot = captured.Snapshots[i];
                var storage = captured.Storages[i];
                var steps = StepSize.For(snapshot, gradients[k], prober.BaseMagnitude, storage.Precision, prober.EffectiveEpsilon);
                var direction = Perturbation.Random(Enumerable.Range(0, steps.Length).ToArray(), steps, random, storage.Precision);
                // From eight times the base step down: narrow enough to stay inside the function's domain.
                results.Add(TaylorTest.Run(prober, captured.Storages[i], snapshot, direction, gradients[k], startLevel: -3));
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
        Differentiable differentiable, CapturedInputs captured, Random random, double nondeterminismTolerance)
    {
        var (inputs, storages, snapshots) = (differentiable.Inputs, captured.Storages, captured.Snapshots);
        var function = differentiable.CreateObjective();
        var (outputScale, baseOutput) = Guards.CheckForward(function, storages, snapshots, nondeterminismTolerance);
        function.DrawUpstream(random);
        var prober = new Prober(function);
        prober.SetBase(baseOutput, Guards.ForwardEvaluations);
        prober.MeasureNondeterminism(nondeterminismTolerance, outputScale);

        var differentiated = Enumerable.Range(0, inputs.Count).Where(i => inputs[i].IsDifferentiated).ToList();
        var gradients = GradientReader.Read(RunBackward(function), differentiated.Select(i => storages[i]).ToList());
        Guards.RequireUnchanged(storages, snapshots, FaultKind.BackwardMutatesInput, "backward");
        return (prober, differentiated, gradients);
    }

    private static object? RunBackward(ProjectedObjective function)
    {
        try
        {
            // A lazily evaluated sequence runs the user's code when enumerated: here, where its exceptions are the backward's.
            var returned = function.Backward();
            return returned is System.Collections.IEnumerable sequence and not MathNet.Numerics.LinearAlgebra.Matrix<double>
                and not MathNet.Numerics.LinearAlgebra.Vector<double> and not MathNet.Numerics.LinearAlgebra.Matrix<float>
                and not MathNet.Numerics.LinearAlgebra.Vector<float> and not string
                ? sequence.Cast<object?>().ToList()
                : returned;
        }
        catch (Exception exception) when (exception is not CheckFaultException)
        {
            throw Guards.Fault(FaultKind.BackwardThrew,
                $"The backward pass threw {exception.GetType().Name}: {exception.Message}", null, exception);
        }
    }
}
