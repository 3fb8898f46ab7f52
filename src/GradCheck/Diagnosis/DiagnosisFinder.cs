namespace GradCheck;

/// <summary>
/// Finds the likely bug behind a failing input, naming a cause only where the evidence carries it with margin: an
/// all-zero gradient, a missing transpose, a sign error, a constant factor, errors confined to some rows or columns, or
/// only where the input is negative. Every checked element is evidence, passed ones included; a ratio that no usual bug
/// explains is described without a cause.
/// </summary>
internal static class DiagnosisFinder
{
    /// <summary>Elements a pattern must hold on before it is named (one element fits too many patterns by chance).</summary>
    private const int EnoughElements = 2;

    /// <param name="input">The failing input, with its checked elements.</param>
    /// <param name="sizes">The sizes of the check's inputs and output: the N, D a factor such as 1/N or √D may come from.</param>
    public static Diagnosis? Find(InputChecker input, IReadOnlyCollection<int> sizes)
    {
        var elements = input.CheckedElements().Where(e => e.Verdict != Verdict.NonDifferentiable).ToList();
        var failed = elements.Where(e => e.Verdict == Verdict.Failed && e.AbsoluteError > 2 * e.Tolerance).ToList();
        if (failed.Count == 0) return null;

        var name = input.Storage.Name;
        return AllZero(input, failed, name)
               ?? Transposed(input, elements, name)
               ?? Factor(input, elements, sizes, name)
               ?? ConfinedToRowsOrColumns(input.Shape, elements, failed, name)
               ?? OnlyForNegativeInputs(input, elements, failed, name);
    }

    /// <summary>"All zero" only where the analytic gradient is zero everywhere and the numeric one clearly is not.</summary>
    private static Diagnosis? AllZero(InputChecker input, List<ElementResult> failed, string name) =>
        input.Gradient.All(g => g == 0) && failed.Count(e => Math.Abs(e.Numeric) > 10 * e.Tolerance) >= 1
            ? new Diagnosis(DiagnosisKind.AllZero, name)
            : null;

    /// <summary>The analytic gradient is the numeric one transposed, on at least two off-diagonal pairs that fail with margin.</summary>
    private static Diagnosis? Transposed(InputChecker input, List<ElementResult> elements, string name)
    {
        var shape = input.Shape;
        if (!shape.IsMatrix || shape.Rows != shape.Columns || shape.Rows < 2) return null;
        var pairs = 0;
        foreach (var element in elements)
        {
            if (element.Row == element.Column) continue;
            var partner = shape.Index(element.Column, element.Row);
            if (!input.IsChecked(partner) || input.VerdictAt(partner) == Verdict.NonDifferentiable) continue;
            var transposedError = Math.Abs(input.Gradient[partner] - element.Numeric);
            if (transposedError > element.Tolerance + input.ToleranceAt(partner)) return null;
            if (element.Verdict == Verdict.Failed && element.AbsoluteError > 10 * element.Tolerance) pairs++;
        }

        return pairs >= EnoughElements ? new Diagnosis(DiagnosisKind.Transposed, name) : null;
    }

    /// <summary>
    /// analytic = k × numeric on every element large enough to tell, within each one's own error bar, on at least two;
    /// named a cause for −1 and the usual factors (±2, ±1/2, a size N or 1/N, √D or 1/√D), described otherwise.
    /// </summary>
    private static Diagnosis? Factor(InputChecker input, List<ElementResult> elements, IReadOnlyCollection<int> sizes, string name)
    {
        var significant = elements.Where(e => Math.Abs(e.Numeric) > 100 * e.Tolerance).ToList();
        if (significant.Count < EnoughElements || significant.All(e => e.Verdict == Verdict.Passed)) return null;
        var ratios = significant.Select(e => e.Analytic / e.Numeric).OrderBy(r => r).ToList();
        var k = ratios[ratios.Count / 2];
        // Each element's ratio is known to within its tolerance relative to its numeric value (and a relative 1e-6);
        // all must agree with k within that, and k is known to within the tightest of them.
        var uncertainty = significant.Min(e => e.Tolerance / Math.Abs(e.Numeric)) * Math.Abs(k) + 1e-6 * Math.Abs(k);
        foreach (var e in significant)
            if (Math.Abs(e.Analytic - k * e.Numeric) > 3 * Math.Abs(k) * e.Tolerance + 1e-6 * Math.Abs(e.Analytic)) return null;
        if (k == 0 || Math.Abs(k - 1) <= 3 * uncertainty) return null;

        if (Math.Abs(k + 1) <= 3 * uncertainty) return new Diagnosis(DiagnosisKind.SignError, name) { Factor = -1, ElementCount = significant.Count };
        return UsualFactor(k, 3 * uncertainty / Math.Abs(k), sizes) is { } usual
            ? new Diagnosis(DiagnosisKind.ConstantFactor, name) { Factor = k, FactorName = usual, ElementCount = significant.Count }
            : new Diagnosis(DiagnosisKind.UniformRatio, name) { Factor = k, ElementCount = significant.Count };
    }

    /// <summary>"2", "-1/2", "1/N = 1/8", "√D = √64": k's name when a usual bug explains it (to within k's relative uncertainty), else null.</summary>
    private static string? UsualFactor(double k, double relativeUncertainty, IReadOnlyCollection<int> sizes)
    {
        var sign = k < 0 ? "-" : "";
        var magnitude = Math.Abs(k);
        bool Near(double a, double b) => Math.Abs(a - b) <= relativeUncertainty * b;
        if (Near(magnitude, 2)) return sign + "2";
        if (Near(magnitude, 0.5)) return sign + "1/2";
        foreach (var size in sizes.Where(s => s > 2).Distinct().OrderBy(s => s))
        {
            if (Near(magnitude, size)) return $"{sign}N = {sign}{size}";
            if (Near(magnitude, 1.0 / size)) return $"{sign}1/N = {sign}1/{size}";
            if (Near(magnitude, Math.Sqrt(size))) return $"{sign}√D = {sign}√{size}";
            if (Near(magnitude, 1 / Math.Sqrt(size))) return $"{sign}1/√D = {sign}1/√{size}";
        }

        return null;
    }

    /// <summary>
    /// A passed element is evidence that it is right only if its error bar could have shown it wrong by half the smallest
    /// relative error among the failures (and by a tenth at most): a pass whose bar is wider than the error the failing
    /// elements carry says nothing about whether it carries the same.
    /// </summary>
    private static List<ElementResult> ResolvedPasses(List<ElementResult> elements, List<ElementResult> failed)
    {
        var resolution = Math.Min(0.1, 0.5 * failed.Min(e => e.AbsoluteError / Size(e)));
        return elements.Where(e => e.Verdict == Verdict.Passed && e.Tolerance < resolution * Size(e)).ToList();
    }

    private static double Size(ElementResult e) => Math.Max(Math.Abs(e.Analytic), Math.Abs(e.Numeric));

    private static Diagnosis? ConfinedToRowsOrColumns(TensorShape shape, List<ElementResult> elements, List<ElementResult> failed, string name)
    {
        if (!shape.IsMatrix || failed.Count < EnoughElements) return null;
        var passed = ResolvedPasses(elements, failed);
        var badRows = failed.Select(e => e.Row).Distinct().OrderBy(r => r).ToList();
        var badColumns = failed.Select(e => e.Column).Distinct().OrderBy(c => c).ToList();
        // Confined to some rows: every failure there, and passes checked in at least two other places.
        if (badRows.Count <= shape.Rows / 2 && badColumns.Count > 1 && passed.Count(e => !badRows.Contains(e.Row)) > EnoughElements
            && !elements.Any(e => !badRows.Contains(e.Row) && e.Verdict == Verdict.Failed))
            return new Diagnosis(DiagnosisKind.ConfinedToRows, name) { Indices = badRows, AxisLength = shape.Rows };
        if (badColumns.Count <= shape.Columns / 2 && badRows.Count > 1 && passed.Count(e => !badColumns.Contains(e.Column)) > EnoughElements
            && !elements.Any(e => !badColumns.Contains(e.Column) && e.Verdict == Verdict.Failed))
            return new Diagnosis(DiagnosisKind.ConfinedToColumns, name) { Indices = badColumns, AxisLength = shape.Columns };
        return null;
    }

    private static Diagnosis? OnlyForNegativeInputs(InputChecker input, List<ElementResult> elements, List<ElementResult> failed, string name)
    {
        // A split by sign that chance alone would give once in 64 or more is no evidence (seven elements at least).
        var passed = ResolvedPasses(elements, failed);
        if (passed.Count < EnoughElements || failed.Count < EnoughElements || passed.Count + failed.Count < 7) return null;
        if (failed.All(e => input.Snapshot[e.Index] < 0) && passed.All(e => input.Snapshot[e.Index] >= 0))
            return new Diagnosis(DiagnosisKind.OnlyWhereNegative, name);
        if (failed.All(e => input.Snapshot[e.Index] > 0) && passed.All(e => input.Snapshot[e.Index] <= 0))
            return new Diagnosis(DiagnosisKind.OnlyWherePositive, name);
        return null;
    }
}
