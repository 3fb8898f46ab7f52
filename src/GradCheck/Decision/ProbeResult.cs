namespace GradCheck;

/// <summary>
/// The decision on one probe (an element or a direction), in the probe's units: the analytic directional derivative,
/// the numeric one, their difference and the error bar it was judged against.
/// </summary>
/// <param name="Verdict">Passed, Failed or NonDifferentiable (a kink that stays as the step shrinks).</param>
/// <param name="Analytic">⟨g, v⟩: what the backward pass says.</param>
/// <param name="Numeric">The finite-difference value (Richardson-refined; the centred quotient at a kink).</param>
/// <param name="Tolerance">The error bar: estimated truncation and rounding error plus the tolerances.</param>
/// <param name="Level">The finest ladder level the decision used (the step is 2^-Level times the probe's own steps).</param>
internal sealed record ProbeResult(Verdict Verdict, double Analytic, double Numeric, double Tolerance, int Level)
{
    public double Error => Math.Abs(Analytic - Numeric);

    /// <summary>Whether the first look (two evaluations) settled it.</summary>
    public bool FirstLook { get; init; }

    /// <summary>False when the steps ran out before the truncation error was seen to fall like t²: the pass proves only the tolerance.</summary>
    public bool Resolved { get; init; } = true;

    /// <summary>The objective's noise the decision assumed (in units of φ): what a confirmation must stay above.</summary>
    public double Noise { get; init; }

    /// <summary>Whether a kink stayed inside the step down to the smallest usable step.</summary>
    public bool AtKink { get; init; }

    /// <summary>At a kink, the smaller and larger one-sided slopes; the analytic value must lie between them.</summary>
    public double Lower { get; init; } = double.NaN;

    /// <inheritdoc cref="Lower"/>
    public double Upper { get; init; } = double.NaN;

    /// <summary>The tolerance relative to the size of what was compared: errors above it would have shown.</summary>
    public double RelativeTolerance => Tolerance / Math.Max(Math.Max(Math.Abs(Analytic), Math.Abs(Numeric)), double.Epsilon);

    /// <summary>The same result in units where the probe's step is <paramref name="unit"/> (an element's base step).</summary>
    public ProbeResult Scaled(double unit) => this with
    {
        Analytic = Analytic / unit, Numeric = Numeric / unit, Tolerance = Tolerance / unit, Lower = Lower / unit, Upper = Upper / unit,
    };
}
