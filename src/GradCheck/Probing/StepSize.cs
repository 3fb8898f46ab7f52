namespace GradCheck;

/// <summary>
/// The base finite-difference step of each element of an input: ∛ε (ε of the coarser of the input's and the output's
/// precision) times the scale on which the function varies along that element, rounded down to a power of two so that
/// x ± h is exact. The scale is the smaller of max(1, |x|) and a length read off the function itself, |φ| / |∂φ/∂x|:
/// how far x must move for φ to change by its own size. So a layer norm over inputs around 1e5 that spread by 1e-2, or
/// log x at x = 1e-4, gets a step on the scale of the function rather than of x. No element's length counts as longer
/// than the input's median one: a gradient that is small or zero by chance does not mean a function that varies slowly.
/// The step ladder (<see cref="StepLadder"/>) refines from there, and each input learns the level that worked
/// (<see cref="InputChecker"/>).
/// </summary>
internal static class StepSize
{

    /// <summary>The base steps of every element of an input.</summary>
    /// <param name="snapshot">The input's values.</param>
    /// <param name="gradient">The analytic gradient (a hint only: a wrong gradient only moves the step, never the verdict).</param>
    /// <param name="objectiveScale">The size of the objective's terms (Σ|uᵢFᵢ|), the numerator of the function's own length.</param>
    /// <param name="inputPrecision">The input's precision: x ± h must be one of its numbers.</param>
    /// <param name="outputEpsilon">The spacing at 1 of the objective's rounding (float32 outputs round 2²⁹ times coarser).</param>
    public static double[] For(double[] snapshot, double[] gradient, double objectiveScale,
        ElementPrecision inputPrecision = ElementPrecision.Double, double outputEpsilon = FloatingPoint.DoubleEpsilon)
    {
        // ∛ε balances the centred quotient's truncation error (∝ h²) against its rounding error (∝ ε/h), with ε the
        // coarser of the input's and the output's.
        var cubeRootEpsilon = Math.Cbrt(Math.Max(FloatingPoint.Epsilon(inputPrecision), outputEpsilon));
        var steps = GC.AllocateUninitializedArray<double>(snapshot.Length);   // every element written below
        // A small gradient says little about how far the function is from changing (a layer norm input whose derivative
        // happens to vanish for these upstream weights still varies on the scale of the spread; a ReLU input a hair below
        // its kink has a zero gradient): no element's length counts as longer than the input's typical one, the median.
        var typical = MedianLength(gradient, objectiveScale) ?? double.PositiveInfinity;
        for (var i = 0; i < steps.Length; i++)
        {
            var own = objectiveScale / Math.Abs(gradient[i]);
            var length = own > 0 && double.IsFinite(own) ? Math.Min(own, typical) : typical;
            var scale = Math.Min(Math.Max(1.0, Math.Abs(snapshot[i])), length);
            // Never below what x can represent: a step of a few units in the last place says nothing.
            var floor = 1024 * FloatingPoint.Ulp(snapshot[i], inputPrecision);
            steps[i] = FloatingPoint.PowerOfTwoAtMost(Math.Max(cubeRootEpsilon * scale, floor));
        }

        return steps;
    }

    /// <summary>
    /// The median of the positive finite lengths |φ| / |∂φ/∂xᵢ| (the upper one of an even count); null when there are none.
    /// </summary>
    private static double? MedianLength(double[] gradient, double objectiveScale)
    {
        // A selection, not a sort, in a pooled buffer: a default check of a cheap forward pass over many elements spent a
        // fifth of its time sorting here.
        var kept = System.Buffers.ArrayPool<double>.Shared.Rent(gradient.Length);
        try
        {
            var count = 0;
            foreach (var g in gradient)
            {
                var length = objectiveScale / Math.Abs(g);
                if (length > 0 && double.IsFinite(length)) kept[count++] = length;
            }

            return count == 0 ? null : OrderStatistic.Select(kept, count, count / 2);
        }
        finally
        {
            System.Buffers.ArrayPool<double>.Shared.Return(kept);
        }
    }
}
