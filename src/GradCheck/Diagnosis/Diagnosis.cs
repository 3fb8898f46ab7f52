using System.Globalization;

namespace GradCheck;

/// <summary>
/// The likely bug behind a failing input, named only when the checked elements carry it with margin. A typed value;
/// its <see cref="ToString"/> is the sentence the report prints.
/// </summary>
/// <param name="Kind">What kind of bug.</param>
/// <param name="InputName">The input it concerns.</param>
public sealed record Diagnosis(DiagnosisKind Kind, string InputName)
{
    /// <summary>
    /// For <see cref="DiagnosisKind.SignError"/>, <see cref="DiagnosisKind.ConstantFactor"/> and
    /// <see cref="DiagnosisKind.UniformRatio"/>: k in analytic = k × numeric.
    /// </summary>
    public double? Factor { get; init; }

    /// <summary>For <see cref="DiagnosisKind.ConstantFactor"/>: the usual bug the factor is, such as "2", "1/N = 1/8" or "√D = √64".</summary>
    public string? FactorName { get; init; }

    /// <summary>For the factor kinds: on how many checked elements the ratio was measured (all of them agreeing).</summary>
    public int ElementCount { get; init; }

    /// <summary>For <see cref="DiagnosisKind.ConfinedToRows"/> and <see cref="DiagnosisKind.ConfinedToColumns"/>: the wrong rows or columns.</summary>
    public IReadOnlyList<int> Indices { get; init; } = [];

    /// <summary>
    /// For <see cref="DiagnosisKind.ConfinedToRows"/> and <see cref="DiagnosisKind.ConfinedToColumns"/>: how many rows or
    /// columns the input has.
    /// </summary>
    public int AxisLength { get; init; }

    /// <summary>The sentence the report prints after "diagnosis: ".</summary>
    public override string ToString() => Kind switch
    {
        DiagnosisKind.AllZero => $"the analytic gradient of '{InputName}' is all zero: the backward pass does not propagate into it.",
        DiagnosisKind.Transposed =>
            "the analytic gradient is the transpose of the numeric one: a missing or extra Transpose() (hidden when the matrix is square).",
        DiagnosisKind.SignError => $"analytic = -numeric on all {ElementCount} checked elements: a sign error.",
        DiagnosisKind.ConstantFactor =>
            $"analytic = {FactorName} x numeric on all {ElementCount} checked elements: a missing or extra constant factor " +
            "(a 2 from a square, 1/N or N from a batch mean, √D from an attention scale).",
        DiagnosisKind.UniformRatio =>
            $"analytic ≈ {Ratio(Factor ?? double.NaN)} x numeric on all {ElementCount} checked elements; no usual bug gives this factor.",
        DiagnosisKind.ConfinedToRows =>
            $"only rows {List(Indices)} are wrong (of {AxisLength}): look at how the backward pass handles those rows (a batch sum, an index).",
        DiagnosisKind.ConfinedToColumns =>
            $"only columns {List(Indices)} are wrong (of {AxisLength}): look at how the backward pass handles those columns.",
        DiagnosisKind.OnlyWhereNegative => $"wrong only where '{InputName}' is negative: check the backward pass's branch for negative inputs.",
        DiagnosisKind.OnlyWherePositive => $"wrong only where '{InputName}' is positive: check the backward pass's branch for positive inputs.",
        _ => Kind.ToString(),
    };

    /// <summary>
    /// Whether another diagnosis names the same finding: the same kind and, for the factor kinds, the same factor as
    /// printed. Element counts, rows and columns are positions a smaller sample moves, not a different bug.
    /// </summary>
    internal bool SaysTheSameAs(Diagnosis other) =>
        Kind == other.Kind && FactorName == other.FactorName && (Factor is not { } k || other.Factor is not { } j || Ratio(k) == Ratio(j));

    // As many significant digits as it takes to tell the ratio from 1 (1.0012 is not "1"), and at least four.
    private static string Ratio(double k)
    {
        var digits = Math.Clamp((int)Math.Ceiling(-Math.Log10(Math.Abs(Math.Abs(k) - 1))) + 2, 4, 15);
        return k.ToString("G" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    private static string List(IReadOnlyList<int> values) =>
        values.Count <= 8 ? string.Join(", ", values) : string.Join(", ", values.Take(8)) + $", … ({values.Count} in all)";
}
