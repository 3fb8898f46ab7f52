namespace GradCheck;

/// <summary>The outcome of a gradient check: the verdict, what was found per input, and a readable report.</summary>
public sealed class CheckResult
{
    private string? report;

    internal CheckResult(Verdict verdict, CheckMode mode, int seed, IReadOnlyList<InputResult> inputs, CheckFault? fault, int evaluations)
    {
        Verdict = verdict;
        Mode = mode;
        Seed = seed;
        Inputs = inputs;
        Fault = fault;
        ForwardEvaluations = evaluations;
    }

    /// <summary>The overall verdict.</summary>
    public Verdict Verdict { get; }

    /// <summary>True when nothing is wrong: <see cref="Verdict.Passed"/> or <see cref="Verdict.NonDifferentiable"/>.</summary>
    public bool Passed => Verdict is Verdict.Passed or Verdict.NonDifferentiable;

    /// <summary>The mode the check ran in.</summary>
    public CheckMode Mode { get; }

    /// <summary>The seed of the upstream gradient and the probes: set <see cref="CheckOptions.Seed"/> to it to replay.</summary>
    public int Seed { get; }

    /// <summary>What was found for each differentiated input, in order.</summary>
    public IReadOnlyList<InputResult> Inputs { get; }

    /// <summary>Why the check could not be carried out, when <see cref="Verdict"/> is <see cref="Verdict.Invalid"/>.</summary>
    public CheckFault? Fault { get; }

    /// <summary>How many times the forward pass was evaluated at perturbed inputs.</summary>
    public int ForwardEvaluations { get; }

    /// <summary>The full text report: inputs, worst elements, diagnosis, heatmap, confirmation, replay.</summary>
    public string Report => report ??= ReportWriter.Write(this);

    /// <summary>Returns this result if it passed; otherwise throws a <see cref="GradientCheckException"/> carrying the report.</summary>
    /// <example><code>GradientCheck.Gradient(f, gradient, x).EnsurePassed();</code></example>
    /// <exception cref="GradientCheckException">The gradient is wrong, or the check could not run.</exception>
    public CheckResult EnsurePassed() => Passed ? this : throw new GradientCheckException(this);

    /// <summary>The report.</summary>
    public override string ToString() => Report;

    /// <summary>The report without its replay line, for callers that replay at a higher level.</summary>
    internal string ReportWithoutReplay => ReportWriter.Write(this, includeReplay: false);
}
