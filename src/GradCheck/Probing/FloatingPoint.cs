namespace GradCheck;

/// <summary>Facts about floating-point numbers the finite differences rest on.</summary>
internal static class FloatingPoint
{
    /// <summary>2⁻⁵², the spacing of doubles at 1 (MathNet's <c>Precision.PositiveMachineEpsilon</c>; twice the unit roundoff).</summary>
    public const double DoubleEpsilon = 2.220446049250313e-16;

    /// <summary>The largest power of two not above <paramref name="value"/> (which must be positive and finite).</summary>
    public static double PowerOfTwoAtMost(double value) => Math.Pow(2, Math.Floor(Math.Log2(value)));

    /// <summary>The spacing of doubles at <paramref name="value"/>: the gap to the next double away from zero.</summary>
    public static double Ulp(double value)
    {
        var magnitude = Math.Abs(value);
        return magnitude == 0 ? double.Epsilon : Math.BitIncrement(magnitude) - magnitude;
    }
}
