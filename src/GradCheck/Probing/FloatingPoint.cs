namespace GradCheck;

/// <summary>The precision a tensor's elements are stored and computed in: a float32 layer is checked in float32.</summary>
internal enum ElementPrecision
{
    Double,
    Single,
}

/// <summary>Facts about floating-point numbers the finite differences rest on, in double and in single precision.</summary>
internal static class FloatingPoint
{
    /// <summary>2⁻⁵², the spacing of doubles at 1 (MathNet's <c>Precision.PositiveMachineEpsilon</c>; twice the unit roundoff).</summary>
    public const double DoubleEpsilon = 2.220446049250313e-16;

    /// <summary>2⁻²³, the spacing of floats at 1.</summary>
    public const double SingleEpsilon = 1.1920928955078125e-7;

    /// <summary>The spacing of numbers at 1 in <paramref name="precision"/>.</summary>
    public static double Epsilon(ElementPrecision precision) => precision == ElementPrecision.Single ? SingleEpsilon : DoubleEpsilon;

    /// <summary>The largest power of two not above <paramref name="value"/> (which must be positive and finite).</summary>
    public static double PowerOfTwoAtMost(double value) =>
        // A normal double's power of two is its exponent bits alone (cheaper than Pow and Log2, once per element of every input).
        double.IsNormal(value) && value > 0
            ? BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(value) & unchecked((long)0x7FF0000000000000))
            : Math.Pow(2, Math.Floor(Math.Log2(value)));

    /// <summary>The spacing of doubles at <paramref name="value"/>: the gap to the next double away from zero.</summary>
    public static double Ulp(double value)
    {
        // A normal double well inside the range has the spacing 2^(e−52): its exponent bits lowered by 52 (once per element
        // and level of every probe, so the arithmetic matters); the edges of the range take the general way.
        var exponentBits = BitConverter.DoubleToInt64Bits(value) & ExponentMask;
        if (exponentBits > MantissaShift && exponentBits < LargestFiniteExponent)
            return BitConverter.Int64BitsToDouble(exponentBits - MantissaShift);
        var magnitude = Math.Abs(value);
        return magnitude == 0 ? double.Epsilon : Math.BitIncrement(magnitude) - magnitude;
    }

    private const long ExponentMask = 0x7FF0_0000_0000_0000;
    private const long MantissaShift = 52L << 52;
    private const long LargestFiniteExponent = 0x7FE0_0000_0000_0000;

    /// <summary>The spacing of numbers at <paramref name="value"/> in <paramref name="precision"/>.</summary>
    public static double Ulp(double value, ElementPrecision precision)
    {
        if (precision == ElementPrecision.Double) return Ulp(value);
        var magnitude = Math.Abs((float)value);
        return magnitude == 0 ? float.Epsilon : (double)MathF.BitIncrement(magnitude) - magnitude;
    }

    /// <summary>Whether <paramref name="value"/> is a number of <paramref name="precision"/> exactly.</summary>
    public static bool IsRepresentable(double value, ElementPrecision precision) =>
        precision == ElementPrecision.Double || (double)(float)value == value;
}
