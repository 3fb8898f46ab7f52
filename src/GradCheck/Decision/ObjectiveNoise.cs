namespace GradCheck;

/// <summary>
/// The objective's rounding noise σ as a <see cref="StepLadder"/> measures it, in the two forms the quotients see:
/// <list type="bullet">
/// <item><see cref="OneSided"/>, in φ(x ± d) − φ(x): what the one-sided quotients, kinks and the Taylor test see. From
/// third differences over x, x + t, x + 2t, x + 4t: φ(4t) − 6φ(2t) + 8φ(t) − 3φ(0) = 4t³·φ‴ plus noise of about
/// 10σ; the smaller side is taken, so a kink at x (smooth on each side) does not pass for noise.</item>
/// <item><see cref="Centred"/>, in the odd part o(t) = (φ(x + d) − φ(x − d)) / 2: what the centred quotient sees.
/// o(4t) − 10·o(2t) + 16·o(t) cancels o's linear and cubic terms and leaves noise of about 13σ. Noise that is the
/// same at x + d and x − d cancels here: a layer norm over two inputs around 1e5 has a centred noise a thousand times
/// below its one-sided one, and an error bar built from the one-sided noise would hide a 1e-3 bug there.</item>
/// </list>
/// Each is the largest of the three finest windows (one window can come out small by chance: rounding noise is often a
/// staircase), about 1.5σ. It is the noise only once the windows have stopped falling with the step (where truncation
/// still dominates them) and stay within √ε of the objective's size (beyond that they measure steps far wider than the
/// function's scale). Until then only the rounding floor is known (<see cref="Measured"/> is false).
/// </summary>
internal readonly record struct ObjectiveNoise(double OneSided, double Centred, bool Measured)
{
    /// <summary>The noise measured on the three finest windows ending at level <paramref name="c"/>.</summary>
    public static ObjectiveNoise At(StepLadder ladder, int c)
    {
        Window? WindowAt(int k) =>
            ladder.Has(k - 2) && ladder.Get(k - 2) is { } wide && ladder.Get(k - 1) is { } far && ladder.Get(k) is { } near
                ? Window.Of(wide, far, near)
                : null;

        var floor = new ObjectiveNoise(ladder.RoundingFloor, ladder.RoundingFloor, false);
        if (WindowAt(c) is not { } finest || WindowAt(c - 1) is not { } previous || WindowAt(c - 2) is not { } earlier) return floor;
        var oneSided = Settled(finest.OneSided, previous.OneSided, earlier.OneSided, ladder);
        var centred = Settled(finest.Centred, previous.Centred, earlier.Centred, ladder);
        return oneSided is { } s && centred is { } m ? new ObjectiveNoise(s, m, true) : floor;
    }

    private static double? Settled(double finest, double previous, double earlier, StepLadder ladder)
    {
        var estimate = Math.Max(finest, Math.Max(previous, earlier));
        var stopped = Math.Max(finest, previous) >= Math.Max(previous, earlier) / 3;
        return estimate <= ladder.RoundingFloor ? ladder.RoundingFloor
            : stopped && estimate <= ladder.PlausibleNoise ? estimate
            : null;
    }

    /// <summary>
    /// What one window of three levels (steps 4t, 2t, t) says about σ, in both forms: an upper bound, since truncation
    /// is included.
    /// </summary>
    public readonly record struct Window(double OneSided, double Centred)
    {
        public static Window Of(in Level wide, in Level far, in Level near) => new(
            Math.Min(ThirdDifference(wide.Plus, far.Plus, near.Plus, near.Base), ThirdDifference(wide.Minus, far.Minus, near.Minus, near.Base)) / 10,
            Math.Abs(Odd(wide) - 10 * Odd(far) + 16 * Odd(near)) / 13);

        private static double Odd(in Level level) => (level.Plus - level.Minus) / 2;

        /// <summary>φ(4t) − 6φ(2t) + 8φ(t) − 3φ(0) = 4t³·φ‴, exactly for a cubic: nothing but noise and higher terms.</summary>
        private static double ThirdDifference(double at4, double at2, double at1, double at0) => Math.Abs(at4 - 6 * at2 + 8 * at1 - 3 * at0);
    }
}
