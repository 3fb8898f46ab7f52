namespace GradCheck;

/// <summary>
/// The base finite-difference step of each element of an input: ∛ε times the scale on which the function varies along
/// that element, rounded down to a power of two so that x ± h is exact. The scale is the smaller of max(1, |x|) and
/// a length read off the function itself, |φ| / |∂φ/∂x|: how far x must move for φ to change by its own size. So a
/// layer norm over inputs around 1e5 that spread by 1e-2, or log x at x = 1e-4, gets a step on the scale of the
/// function rather than of x. The step ladder (<see cref="StepLadder"/>) refines from there, and each input learns
/// the level that worked (<see cref="InputChecker"/>).
/// </summary>
internal static class StepSize
{
    /// <summary>∛ε: balances the centred quotient's truncation error (∝ h²) against its rounding error (∝ ε/h).</summary>
    private static readonly double CubeRootEpsilon = Math.Cbrt(FloatingPoint.DoubleEpsilon);

    /// <summary>The base steps of every element of an input.</summary>
    /// <param name="snapshot">The input's values.</param>
    /// <param name="gradient">The analytic gradient (a hint only: a wrong gradient only moves the step, never the verdict).</param>
    /// <param name="objectiveScale">The size of the objective's terms (Σ|uᵢFᵢ|), the numerator of the function's own length.</param>
    public static double[] For(double[] snapshot, double[] gradient, double objectiveScale)
    {
        var steps = new double[snapshot.Length];
        for (var i = 0; i < steps.Length; i++)
        {
            var scale = Math.Max(1.0, Math.Abs(snapshot[i]));
            var length = objectiveScale / Math.Abs(gradient[i]);
            if (length > 0 && double.IsFinite(length)) scale = Math.Min(scale, length);
            // Never below what x can represent: a step of a few units in the last place says nothing.
            var floor = 1024 * FloatingPoint.Ulp(snapshot[i]);
            steps[i] = FloatingPoint.PowerOfTwoAtMost(Math.Max(CubeRootEpsilon * scale, floor));
        }

        return steps;
    }
}
