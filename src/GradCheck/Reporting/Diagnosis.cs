namespace GradCheck;

/// <summary>
/// Names the likely bug behind a failing input when the checked elements support it: an all-zero gradient, a missing
/// transpose, a sign error, a constant factor, errors confined to some rows or columns, or only where the input is negative.
/// </summary>
internal static class Diagnosis
{
    public static string? Of(InputChecker input)
    {
        var elements = input.CheckedElements().Where(e => e.Outcome != Outcome.NonDifferentiable).ToList();
        var failed = elements.Where(e => e.Outcome == Outcome.Failed).ToList();
        if (failed.Count == 0) return null;

        return AllZero(input, failed)
               ?? Transposed(input, elements)
               ?? ConstantFactor(elements)
               ?? ConfinedToRowsOrColumns(input.Shape, elements, failed)
               ?? OnlyForNegativeInputs(input, elements, failed);
    }

    private static string? AllZero(InputChecker input, List<ElementCheck> failed) =>
        input.Gradient.All(g => g == 0) && failed.Any(e => Math.Abs(e.Numeric) > e.Tolerance)
            ? $"the analytic gradient of '{input.View.Name}' is all zero: the backward pass does not propagate into it."
            : null;

    private static string? Transposed(InputChecker input, List<ElementCheck> elements)
    {
        var shape = input.Shape;
        if (!shape.IsMatrix || shape.Rows != shape.Columns || shape.Rows < 2) return null;
        var pairs = 0;
        foreach (var element in elements)
        {
            if (element.Row == element.Column) continue;
            var partner = shape.Index(element.Column, element.Row);
            if (!input.IsChecked(partner) || input.OutcomeAt(partner) == Outcome.NonDifferentiable) continue;
            var transposedError = Math.Abs(input.Gradient[partner] - element.Numeric);
            if (transposedError > element.Tolerance + input.ToleranceAt(partner)) return null;
            if (element.Outcome == Outcome.Failed) pairs++;
        }

        return pairs >= 2
            ? "the analytic gradient is the transpose of the numeric one: a missing or extra Transpose() (hidden when the matrix is square)."
            : null;
    }

    private static string? ConstantFactor(List<ElementCheck> elements)
    {
        var significant = elements.Where(e => Math.Abs(e.Numeric) > 10 * e.Tolerance).ToList();
        if (significant.Count == 0 || significant.All(e => e.Outcome == Outcome.Passed)) return null;
        var ratios = significant.Select(e => e.Analytic / e.Numeric).OrderBy(r => r).ToList();
        var k = ratios[ratios.Count / 2];
        if (ratios.Any(r => Math.Abs(r - k) > 1e-3 * Math.Abs(k) + 1e-9)) return null;
        // One element (a [GradCheck] failure shrunk to 1×1) is evidence only for an exact small factor: −1, 2, 1/3, …
        if (significant.Count == 1 && !IsSmallExactFactor(k)) return null;
        if (Math.Abs(k + 1) < 1e-3) return "analytic = -numeric: a sign error.";
        if (Math.Abs(k) < 1e-12) return null;
        return $"analytic = {Describe(k)} x numeric everywhere: a missing or extra constant factor (a 2 from a square, 1/N or N from a batch mean).";
    }

    private static bool IsSmallExactFactor(double k)
    {
        static bool NearSmallInteger(double v) => Math.Abs(v) <= 64 && Math.Abs(v - Math.Round(v)) < 1e-6 * Math.Abs(v) && Math.Round(v) != 0;
        return NearSmallInteger(k) || (k != 0 && NearSmallInteger(1 / k));
    }

    private static string Describe(double k)
    {
        var rounded = Math.Round(k);
        if (rounded != 0 && Math.Abs(k - rounded) < 1e-3 * Math.Abs(k)) return rounded.ToString("0");
        var inverse = Math.Round(1 / k);
        if (inverse != 0 && Math.Abs(1 / k - inverse) < 1e-3 * Math.Abs(1 / k)) return $"1/{inverse:0}";
        return k.ToString("G4");
    }

    private static string? ConfinedToRowsOrColumns(TensorShape shape, List<ElementCheck> elements, List<ElementCheck> failed)
    {
        if (!shape.IsMatrix || failed.Count < 2) return null;
        var badRows = failed.Select(e => e.Row).Distinct().OrderBy(r => r).ToList();
        var badColumns = failed.Select(e => e.Column).Distinct().OrderBy(c => c).ToList();
        if (badRows.Count < shape.Rows && elements.Any(e => !badRows.Contains(e.Row)) && badRows.Count <= shape.Rows / 2 && badColumns.Count > 1)
            return $"only rows {List(badRows)} are wrong (of {shape.Rows}): look at how the backward pass handles those rows (a batch sum, an index).";
        if (badColumns.Count < shape.Columns && elements.Any(e => !badColumns.Contains(e.Column)) && badColumns.Count <= shape.Columns / 2 && badRows.Count > 1)
            return $"only columns {List(badColumns)} are wrong (of {shape.Columns}): look at how the backward pass handles those columns.";
        return null;
    }

    private static string? OnlyForNegativeInputs(InputChecker input, List<ElementCheck> elements, List<ElementCheck> failed)
    {
        var passed = elements.Where(e => e.Outcome == Outcome.Passed).ToList();
        if (passed.Count == 0) return null;
        if (failed.All(e => input.Snapshot[e.Index] < 0) && passed.All(e => input.Snapshot[e.Index] >= 0))
            return $"wrong only where '{input.View.Name}' is negative: check the backward pass's branch for negative inputs.";
        if (failed.All(e => input.Snapshot[e.Index] > 0) && passed.All(e => input.Snapshot[e.Index] <= 0))
            return $"wrong only where '{input.View.Name}' is positive: check the backward pass's branch for positive inputs.";
        return null;
    }

    private static string List(List<int> values) =>
        values.Count <= 8 ? string.Join(", ", values) : string.Join(", ", values.Take(8)) + $", … ({values.Count} in all)";
}
