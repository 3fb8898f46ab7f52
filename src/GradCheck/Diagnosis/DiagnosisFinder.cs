namespace GradCheck;

/// <summary>
/// Finds the likely bug behind a failing input when the checked elements support it: an all-zero gradient, a missing
/// transpose, a sign error, a constant factor, errors confined to some rows or columns, or only where the input is negative.
/// </summary>
internal static class DiagnosisFinder
{
    public static Diagnosis? Find(InputChecker input)
    {
        var elements = input.CheckedElements().Where(e => e.Verdict != Verdict.NonDifferentiable).ToList();
        var failed = elements.Where(e => e.Verdict == Verdict.Failed).ToList();
        if (failed.Count == 0) return null;

        var name = input.Storage.Name;
        return AllZero(input, failed, name)
               ?? Transposed(input, elements, name)
               ?? ConstantFactor(elements, name)
               ?? ConfinedToRowsOrColumns(input.Shape, elements, failed, name)
               ?? OnlyForNegativeInputs(input, elements, failed, name);
    }

    private static Diagnosis? AllZero(InputChecker input, List<ElementResult> failed, string name) =>
        input.Gradient.All(g => g == 0) && failed.Any(e => Math.Abs(e.Numeric) > e.Tolerance)
            ? new Diagnosis(DiagnosisKind.AllZero, name)
            : null;

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
            if (element.Verdict == Verdict.Failed) pairs++;
        }

        return pairs >= 2 ? new Diagnosis(DiagnosisKind.Transposed, name) : null;
    }

    private static Diagnosis? ConstantFactor(List<ElementResult> elements, string name)
    {
        var significant = elements.Where(e => Math.Abs(e.Numeric) > 10 * e.Tolerance).ToList();
        if (significant.Count == 0 || significant.All(e => e.Verdict == Verdict.Passed)) return null;
        var ratios = significant.Select(e => e.Analytic / e.Numeric).OrderBy(r => r).ToList();
        var k = ratios[ratios.Count / 2];
        if (ratios.Any(r => Math.Abs(r - k) > 1e-3 * Math.Abs(k) + 1e-9)) return null;
        // One element (a [GradCheck] failure shrunk to 1×1) is evidence only for an exact small factor: −1, 2, 1/3, …
        if (significant.Count == 1 && !IsSmallExactFactor(k)) return null;
        if (Math.Abs(k + 1) < 1e-3) return new Diagnosis(DiagnosisKind.SignError, name) { Factor = -1 };
        if (Math.Abs(k) < 1e-12) return null;
        return new Diagnosis(DiagnosisKind.ConstantFactor, name) { Factor = k };
    }

    private static bool IsSmallExactFactor(double k)
    {
        static bool NearSmallInteger(double v) => Math.Abs(v) <= 64 && Math.Abs(v - Math.Round(v)) < 1e-6 * Math.Abs(v) && Math.Round(v) != 0;
        return NearSmallInteger(k) || (k != 0 && NearSmallInteger(1 / k));
    }

    private static Diagnosis? ConfinedToRowsOrColumns(TensorShape shape, List<ElementResult> elements, List<ElementResult> failed, string name)
    {
        if (!shape.IsMatrix || failed.Count < 2) return null;
        var badRows = failed.Select(e => e.Row).Distinct().OrderBy(r => r).ToList();
        var badColumns = failed.Select(e => e.Column).Distinct().OrderBy(c => c).ToList();
        if (badRows.Count < shape.Rows && elements.Any(e => !badRows.Contains(e.Row)) && badRows.Count <= shape.Rows / 2 && badColumns.Count > 1)
            return new Diagnosis(DiagnosisKind.ConfinedToRows, name) { Indices = badRows, AxisLength = shape.Rows };
        if (badColumns.Count < shape.Columns && elements.Any(e => !badColumns.Contains(e.Column)) && badColumns.Count <= shape.Columns / 2 && badRows.Count > 1)
            return new Diagnosis(DiagnosisKind.ConfinedToColumns, name) { Indices = badColumns, AxisLength = shape.Columns };
        return null;
    }

    private static Diagnosis? OnlyForNegativeInputs(InputChecker input, List<ElementResult> elements, List<ElementResult> failed, string name)
    {
        var passed = elements.Where(e => e.Verdict == Verdict.Passed).ToList();
        if (passed.Count == 0) return null;
        if (failed.All(e => input.Snapshot[e.Index] < 0) && passed.All(e => input.Snapshot[e.Index] >= 0))
            return new Diagnosis(DiagnosisKind.OnlyWhereNegative, name);
        if (failed.All(e => input.Snapshot[e.Index] > 0) && passed.All(e => input.Snapshot[e.Index] <= 0))
            return new Diagnosis(DiagnosisKind.OnlyWherePositive, name);
        return null;
    }
}
