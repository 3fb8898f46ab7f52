namespace GradCheck;

/// <summary>Settings of a gradient check. The defaults need no tuning for ordinary layers.</summary>
public sealed record CheckOptions
{
    /// <summary>The default settings.</summary>
    public static CheckOptions Default { get; } = new();

    /// <summary>Directional probes (the default) or element by element.</summary>
    public CheckMode Mode { get; init; } = CheckMode.Default;

    /// <summary>
    /// The relative error allowed between analytic and numeric values, on top of the finite differences' own estimated
    /// error. Small by default (1e-6) because that estimate already absorbs truncation and rounding.
    /// </summary>
    public double RelativeTolerance { get; init; } = 1e-6;

    /// <summary>The absolute error allowed per gradient element, on top of the estimated finite-difference error.</summary>
    public double AbsoluteTolerance { get; init; }

    /// <summary>
    /// Random signed directions probed per differentiated input in <see cref="CheckMode.Default"/> (first jointly over all
    /// inputs). Up to four more follow while none has resolved a uniform relative error of 2e-4 — where rounding makes
    /// the error bars coarse — alternating random signs with the gradient's own, along which ⟨g, v⟩ cannot cancel.
    /// </summary>
    public int DirectionsPerInput { get; init; } = 2;

    /// <summary>The seed of the upstream gradient and the probe directions; random when null. Reports print it.</summary>
    public int? Seed { get; init; }

    /// <summary>Whether a failure is confirmed by a Taylor-remainder test (a few extra forward passes).</summary>
    public bool ConfirmFailures { get; init; } = true;

    /// <summary>
    /// Workers for a <see cref="CheckMode.Full"/> check given a factory (<see cref="GradientCheck.Run(Func{Differentiable}, CheckOptions?)"/>):
    /// each checks a share of the elements on its own copies of the inputs. At most the processor count; 1 checks on one thread.
    /// </summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>How many worst elements a report lists per failing input.</summary>
    public int ReportedElements { get; init; } = 5;

    /// <summary>
    /// How far two evaluations of the forward pass at the same inputs may differ, relative to the largest magnitude of the
    /// output: for parallel reductions and native kernels that are reproducible only to rounding. 0 (the default) requires
    /// them to agree bit for bit. When it is above 0, the spread measured between repeated evaluations is added to the
    /// finite differences' error estimate, so a pass says how small an error it could still resolve.
    /// </summary>
    public double NondeterminismTolerance { get; init; }

    /// <summary>
    /// Whether a full check may move elements whose effects land in different output rows or columns together (verified
    /// first). Off only to compare with the one-at-a-time check.
    /// </summary>
    internal bool CompressFullChecks { get; init; } = true;

    /// <summary>Whether each <see cref="InputResult"/> keeps every checked element (for tests that compare them all).</summary>
    internal bool KeepElementResults { get; init; }

    internal void Validate()
    {
        if (!(RelativeTolerance >= 0) || double.IsInfinity(RelativeTolerance))
            throw new ArgumentOutOfRangeException(nameof(RelativeTolerance), RelativeTolerance, "RelativeTolerance must be a finite number ≥ 0.");
        if (!(AbsoluteTolerance >= 0) || double.IsInfinity(AbsoluteTolerance))
            throw new ArgumentOutOfRangeException(nameof(AbsoluteTolerance), AbsoluteTolerance, "AbsoluteTolerance must be a finite number ≥ 0.");
        if (DirectionsPerInput < 1)
            throw new ArgumentOutOfRangeException(nameof(DirectionsPerInput), DirectionsPerInput, "DirectionsPerInput must be at least 1.");
        if (MaxDegreeOfParallelism < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "MaxDegreeOfParallelism must be at least 1.");
        if (!(NondeterminismTolerance >= 0) || !(NondeterminismTolerance < 1))
            throw new ArgumentOutOfRangeException(nameof(NondeterminismTolerance), NondeterminismTolerance,
                "NondeterminismTolerance must be a number ≥ 0 and < 1 (a relative spread).");
        if (ReportedElements < 1)
            throw new ArgumentOutOfRangeException(nameof(ReportedElements), ReportedElements, "ReportedElements must be at least 1.");
    }
}
