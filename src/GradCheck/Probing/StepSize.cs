namespace GradCheck;

/// <summary>The finite-difference step for one element.</summary>
internal static class StepSize
{
    /// <summary>∛ε: balances the centred quotient's truncation error (∝ h²) against its rounding error (∝ ε/h).</summary>
    private static readonly double CubeRootEpsilon = Math.Cbrt(FloatingPoint.DoubleEpsilon);

    /// <summary>
    /// About ∛ε·max(1, |x|), rounded down to a power of two so that x ± h and x ± 2h are exact and the quotient's
    /// denominator is the step actually taken.
    /// </summary>
    public static double For(double x)
    {
        var target = CubeRootEpsilon * Math.Max(1.0, Math.Abs(x));
        return Math.Pow(2, Math.Floor(Math.Log2(target)));
    }
}
