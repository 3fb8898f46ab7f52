namespace GradCheck;

/// <summary>
/// One directional probe over an input, as evidence in a report: the analytic directional derivative ⟨g, v⟩ against
/// the directional quotient along v (v a random direction over <see cref="ElementCount"/> elements, each moved by its
/// own step times a random sign and magnitude).
/// </summary>
/// <param name="ElementCount">How many elements the direction moves.</param>
/// <param name="Analytic">⟨g, v⟩.</param>
/// <param name="Numeric">The directional quotient (Richardson-refined; the centred quotient at a kink).</param>
/// <param name="Tolerance">The error bar it was judged against.</param>
/// <param name="Verdict">The verdict on the probe.</param>
public sealed record DirectionResult(int ElementCount, double Analytic, double Numeric, double Tolerance, Verdict Verdict)
{
    /// <summary>|analytic − numeric|.</summary>
    public double AbsoluteError => Math.Abs(Analytic - Numeric);

    /// <summary>At a kink along the direction: the smaller one-sided slope (the analytic value must not lie below it).</summary>
    public double? LowerSlope { get; init; }

    /// <summary>At a kink along the direction: the larger one-sided slope.</summary>
    public double? UpperSlope { get; init; }

    internal static DirectionResult From(ProbeResult probe, int elementCount) =>
        new(elementCount, probe.Analytic, probe.Numeric, probe.Tolerance, probe.Verdict)
        {
            LowerSlope = probe.AtKink ? probe.Lower : null,
            UpperSlope = probe.AtKink ? probe.Upper : null,
        };
}
