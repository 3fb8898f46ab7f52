using System.Globalization;

namespace GradCheck;

/// <summary>
/// The likely bug behind a failing input, named only when the checked elements support it. A typed value; its
/// <see cref="ToString"/> is the sentence the report prints.
/// </summary>
/// <param name="Kind">What kind of bug.</param>
/// <param name="InputName">The input it concerns.</param>
public sealed record Diagnosis(DiagnosisKind Kind, string InputName)
{
    /// <summary>For <see cref="DiagnosisKind.ConstantFactor"/> and <see cref="DiagnosisKind.SignError"/>: k in analytic = k × numeric.</summary>
    public double? Factor { get; init; }

    /// <summary>For <see cref="DiagnosisKind.ConfinedToRows"/> and <see cref="DiagnosisKind.ConfinedToColumns"/>: the wrong rows or columns.</summary>
    public IReadOnlyList<int> Indices { get; init; } = [];

    /// <summary>For <see cref="DiagnosisKind.ConfinedToRows"/> and <see cref="DiagnosisKind.ConfinedToColumns"/>: how many rows or columns the input
    /// has.</summary>
    public int AxisLength { get; init; }

    /// <summary>The sentence the report prints after "diagnosis: ".</summary>
    public override string ToString() => Kind switch
    {
        DiagnosisKind.AllZero => $"the analytic gradient of '{InputName}' is all zero: the backward pass does not propagate into it.",
        DiagnosisKind.Transposed =>
            "the analytic gradient is the transpose of the numeric one: a missing or extra Transpose() (hidden when the matrix is square).",
        DiagnosisKind.SignError => "analytic = -numeric: a sign error.",
        DiagnosisKind.ConstantFactor =>
            $"analytic = {FactorText(Factor ?? double.NaN)} x numeric everywhere: a missing or extra constant factor " +
            "(a 2 from a square, 1/N or N from a batch mean).",
        DiagnosisKind.ConfinedToRows =>
            $"only rows {List(Indices)} are wrong (of {AxisLength}): look at how the backward pass handles those rows (a batch sum, an index).",
        DiagnosisKind.ConfinedToColumns =>
            $"only columns {List(Indices)} are wrong (of {AxisLength}): look at how the backward pass handles those columns.",
        DiagnosisKind.OnlyWhereNegative => $"wrong only where '{InputName}' is negative: check the backward pass's branch for negative inputs.",
        DiagnosisKind.OnlyWherePositive => $"wrong only where '{InputName}' is positive: check the backward pass's branch for positive inputs.",
        _ => Kind.ToString(),
    };

    private static string FactorText(double k)
    {
        var rounded = Math.Round(k);
        if (rounded != 0 && Math.Abs(k - rounded) < 1e-3 * Math.Abs(k)) return rounded.ToString("0", CultureInfo.InvariantCulture);
        var inverse = Math.Round(1 / k);
        if (inverse != 0 && Math.Abs(1 / k - inverse) < 1e-3 * Math.Abs(1 / k)) return "1/" + inverse.ToString("0", CultureInfo.InvariantCulture);
        return k.ToString("G4", CultureInfo.InvariantCulture);
    }

    private static string List(IReadOnlyList<int> values) =>
        values.Count <= 8 ? string.Join(", ", values) : string.Join(", ", values.Take(8)) + $", … ({values.Count} in all)";
}
