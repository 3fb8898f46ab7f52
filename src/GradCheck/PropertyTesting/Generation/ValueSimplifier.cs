namespace GradCheck;

/// <summary>
/// Simpler values for shrinking: the same values with fewer digits at the tensor's own scale, never nearer to a
/// degenerate point.
/// </summary>
/// <remarks>
/// FsCheck shrinks a double towards 0 and to integers, which is where layers are degenerate: ReLU's, leaky ReLU's and
/// ELU's kinks and q = k = 0 in attention sit at 0; the sigmoid at 0 has s / (s(1 − s)) = 2, so a wrong derivative
/// reads as "2 x"; a state of ±1 makes tanh's 1 − a² vanish, so every gradient reads as "all zero"; and equal values
/// make a normalised column constant. A failure shrunk there is described by the degenerate point, not by the bug.
/// So "simpler" here means shorter, not smaller: each value is rounded to 1, then 2, then 3 decimal digits of the
/// tensor's unit (the power of ten of its largest deviation from a reference point: 0, or a round offset the tensor's
/// values share, 1000 for 1000.0037 and 999.9952), so a small spread around a large offset is kept. A rounded
/// value is refused when it falls within 5% of a unit of the reference, within 0.05 of a multiple of ½ on the ordinary
/// scale (0, ±½, ±1, the integers), within 5% of a unit of another value of the same tensor (no ties, no constant rows
/// or columns), or outside the parameter's domain. What is left is a generic point, just easier to read.
/// </remarks>
internal static class ValueSimplifier
{
    // How close (in units of the tensor's scale) a value may come to a degenerate point.
    private const double Margin = 0.05;

    // Decimal digits kept, coarsest first: the first that still fails with the same character is taken.
    private static readonly int[] Digits = [0, 1, 2];

    /// <summary>Every value of the tensor rounded at once, one candidate per number of digits (values that would become degenerate stay as they are).</summary>
    public static IEnumerable<double[]> WholeTensor(double[] values, ValueDomain domain)
    {
        if (values.Length < 2 || Frame.Of(values) is not { } frame) yield break;
        foreach (var digits in Digits)
        {
            var rounded = (double[])values.Clone();
            var changed = false;
            for (var i = 0; i < rounded.Length; i++)
            {
                if (frame.Simpler(values[i], digits) is not { } candidate || !frame.IsGeneric(candidate, rounded, i, domain)) continue;
                rounded[i] = candidate;
                changed = true;
            }

            if (changed) yield return rounded;
        }
    }

    /// <summary>Simpler values for one element, coarsest first.</summary>
    public static IEnumerable<double> Element(double[] values, int index, ValueDomain domain)
    {
        if (Frame.Of(values) is not { } frame) yield break;
        foreach (var digits in Digits)
            if (frame.Simpler(values[index], digits) is { } candidate && frame.IsGeneric(candidate, values, index, domain))
                yield return candidate;
    }

    /// <summary>
    /// How many decimal places <paramref name="value"/> has: the least d with value a multiple of 10⁻ᵈ (negative for
    /// 20000), or 99 for a value no decimal rounding reproduces. Every step strictly lowers it, so shrinking ends.
    /// </summary>
    internal static int DecimalPlaces(double value)
    {
        for (var places = -20; places <= 15; places++)
            if (RoundTo(value, places) == value) return places;
        return 99;
    }

    // Rounds to a number of decimal places; dividing or multiplying by an exact power of ten keeps the result the double
    // nearest the decimal, so rounding again changes nothing.
    private static double RoundTo(double value, int places)
    {
        if (places > 15) return value;
        if (places >= 0) return Math.Round(value, places, MidpointRounding.AwayFromZero);
        var power = Math.Pow(10, -places);
        return Math.Round(value / power, MidpointRounding.AwayFromZero) * power;
    }

    /// <param name="Reference">0, or the round offset the values share.</param>
    /// <param name="Exponent">The power of ten of the largest deviation from the reference: the tensor's unit is 10^Exponent.</param>
    private sealed record Frame(double Reference, int Exponent)
    {
        private double Unit => Math.Pow(10, Exponent);

        // Half-integers are degenerate only on the scale where layers have their kinks and symmetric points.
        private bool OrdinaryScale => Reference == 0 && Exponent is >= -1 and <= 1;

        public static Frame? Of(double[] values)
        {
            if (values.Length == 0 || values.Any(v => !double.IsFinite(v))) return null;
            var (low, high) = (values.Min(), values.Max());
            var (spread, middle) = (high - low, low / 2 + high / 2);
            var reference = 0.0;
            // An offset beyond the ordinary scale shared by values whose spread is far smaller (inputs around 1000 ± 0.01):
            // measure from a round offset, a multiple of a power of ten at least the spread (so rounding the deviation is
            // rounding the value). On the ordinary scale two close values are a coincidence, and 0 stays the reference.
            if (spread > 0 && Math.Abs(middle) > 10 * spread && Math.Abs(middle) >= 10)
                reference = RoundTo(middle, -(int)Math.Ceiling(Math.Log10(spread)));

            var extent = values.Max(v => Math.Abs(v - reference));
            return extent > 0 && double.IsFinite(extent) ? new Frame(reference, (int)Math.Floor(Math.Log10(extent))) : null;
        }

        /// <summary>The value rounded to <paramref name="digits"/> decimal digits of the unit, when that has fewer decimal places.</summary>
        public double? Simpler(double value, int digits)
        {
            var places = digits - Exponent;
            var candidate = RoundTo(value, places);
            return candidate != value && DecimalPlaces(candidate) < DecimalPlaces(value) ? candidate : null;
        }

        public bool IsGeneric(double candidate, double[] values, int index, ValueDomain domain)
        {
            if (!double.IsFinite(candidate) || !domain.Contains(candidate)) return false;
            if (Math.Abs(candidate - Reference) < Margin * Unit) return false;
            if (OrdinaryScale && Math.Abs(candidate - Math.Round(2 * candidate) / 2) < Margin) return false;
            for (var j = 0; j < values.Length; j++)
                if (j != index && Math.Abs(candidate - values[j]) < Margin * Unit) return false;
            return true;
        }
    }
}
