namespace GradCheck;

/// <summary>
/// The objective at x + t·s for t = −2, −1, 0, 1, 2 along one element or one direction (s the step), and what they
/// tell: the centred quotient, its Richardson refinement, an estimate of its own error, and whether the function has
/// a kink there. Only the ±1 points are needed for a first look; the ±2 points are taken when an element looks wrong.
/// </summary>
internal readonly record struct FivePointStencil(
    double MinusTwo, double MinusOne, double Zero, double PlusOne, double PlusTwo, double Step, double Magnitude)
{
    /// <summary>(f(x+s) − f(x−s)) / 2s.</summary>
    public double Centred => (PlusOne - MinusOne) / (2 * Step);

    /// <summary>(f(x+2s) − f(x−2s)) / 4s.</summary>
    public double CentredWide => (PlusTwo - MinusTwo) / (4 * Step);

    /// <summary>Richardson extrapolation of the two centred quotients: error O(s⁴) instead of O(s²).</summary>
    public double Refined => Centred + (Centred - CentredWide) / 3;

    /// <summary>|D(s) − D(2s)|: three times the centred quotient's truncation error, a generous bound on the refined one's.</summary>
    public double TruncationEstimate => Math.Abs(Centred - CentredWide);

    /// <summary>A floor on the objective's rounding error, from the size of the terms it sums.</summary>
    public double RoundingFloor => 16 * FloatingPoint.DoubleEpsilon * Magnitude;

    /// <summary>
    /// The objective's rounding noise: the fourth difference f(−2) − 4f(−1) + 6f(0) − 4f(1) + f(2) is s⁴·f'''' (tiny)
    /// plus about 8.4 standard deviations of the noise, so half of it is a fair, measured estimate.
    /// </summary>
    public double MeasuredNoise =>
        Math.Max(RoundingFloor, Math.Abs(MinusTwo - 4 * MinusOne + 6 * Zero - 4 * PlusOne + PlusTwo) / 2);

    /// <summary>The error the first-look quotient may have from rounding alone.</summary>
    public double FirstLookBound => RoundingFloor / Step;

    /// <summary>The error the refined quotient may have: its truncation estimate plus six times the measured noise.</summary>
    public double RefinedBound => TruncationEstimate + 6 * MeasuredNoise / Step;

    /// <summary>Forward and backward one-sided quotients at both steps.</summary>
    public double ForwardNear => (PlusOne - Zero) / Step;

    /// <inheritdoc cref="ForwardNear"/>
    public double BackwardNear => (Zero - MinusOne) / Step;

    /// <inheritdoc cref="ForwardNear"/>
    public double ForwardFar => (PlusTwo - Zero) / (2 * Step);

    /// <inheritdoc cref="ForwardNear"/>
    public double BackwardFar => (Zero - MinusTwo) / (2 * Step);

    /// <summary>
    /// Whether the ±1 points alone already hint at a kink: the one-sided quotients differ by more than curvature over
    /// one step plausibly explains. Cheap (no extra evaluation); a hint is settled by <see cref="HasKink"/>.
    /// </summary>
    public bool OneSidedQuotientsDisagree =>
        Math.Abs(ForwardNear - BackwardNear) > 1e-2 * Math.Max(Math.Abs(ForwardNear), Math.Abs(BackwardNear)) + 64 * RoundingFloor / Step;

    /// <summary>
    /// For a smooth function the one-sided quotients differ by f''·s at step s and by 2·f''·s at step 2s. A kink (ReLU
    /// at 0, |x| at 0, a max tie) within the stencil breaks that proportion by about the jump in the derivative.
    /// </summary>
    public bool HasKink
    {
        get
        {
            var near = ForwardNear - BackwardNear;
            var far = ForwardFar - BackwardFar;
            var residual = Math.Abs(far - 2 * near);
            var scale = Math.Max(Math.Max(Math.Abs(ForwardNear), Math.Abs(BackwardNear)),
                                 Math.Max(Math.Abs(ForwardFar), Math.Abs(BackwardFar)));
            return residual > 64 * RoundingFloor / Step + 1e-6 * scale;
        }
    }

    /// <summary>Whether <paramref name="analytic"/> lies between the one-sided quotients: a valid subgradient at a kink.</summary>
    public bool IsOneSidedValue(double analytic, double slack)
    {
        var low = Math.Min(Math.Min(ForwardNear, BackwardNear), Math.Min(ForwardFar, BackwardFar));
        var high = Math.Max(Math.Max(ForwardNear, BackwardNear), Math.Max(ForwardFar, BackwardFar));
        return analytic >= low - slack && analytic <= high + slack;
    }
}
