namespace GradCheck;

/// <summary>
/// Decides one probe on its <see cref="StepLadder"/>, letting the error estimate choose the step:
/// <list type="number">
/// <item>A first look at the probe's step: if analytic and centred quotient agree within rounding and the tolerances,
/// it passes (two evaluations).</item>
/// <item>Otherwise the ladder grows: the Richardson-refined error R between neighbouring steps, with the bar
/// |E(t) − E(2t)| + 6σ/t (σ the objective's measured noise). It passes when |R| is within the bar at steps where the
/// truncation is seen to fall like t² (three levels), and fails only there, by twice the bar.</item>
/// <item>While truncation dominates (the step is larger than the scale the function varies on: a small spread around a
/// large offset, a high curvature) the step halves; while rounding dominates it doubles, as far as the function's
/// domain allows.</item>
/// <item>A derivative jump that stays as the step shrinks, down to where rounding hides it, is a kink: the analytic value
/// must then lie between the one-sided slopes (NonDifferentiable), else it fails. A jump that fades with the step was
/// curvature, and the probe is judged as smooth.</item>
/// </list>
/// </summary>
internal static class ProbeJudge
{
    // How far the ladder may go: coarser than the first look (rounding-dominated functions), and in all.
    private const int CoarserLevels = 8, MaximumLevels = 72;

    internal static Action<string>? Trace { get; set; }

    public static ProbeResult Decide(StepLadder ladder, CheckOptions options)
    {
        var k0 = ladder.FirstLevel;
        if (ladder.Get(k0) is not { } first)
            return new ProbeResult(Verdict.Passed, 0, 0, double.PositiveInfinity, k0) { Resolved = false };

        var firstBar = ladder.RoundingFloor / first.T + Tolerance(first, options);
        // One-sided quotients that differ by more than curvature over one step plausibly explains hint at a kink:
        // even an agreeing centred quotient then earns the ladder, which tells a kink from curvature.
        var kinkHint = Math.Abs(first.Jump) > 1e-2 * Math.Max(Math.Abs(first.Forward), Math.Abs(first.Backward)) + 4 * ladder.RoundingFloor / first.T;
        if (Math.Abs(first.Error) <= firstBar && !kinkHint)
            return new ProbeResult(Verdict.Passed, first.Analytic, first.Centred, firstBar, k0) { FirstLook = true, Noise = ladder.RoundingFloor };

        var (lo, hi) = (k0, k0);
        if (ladder.Get(k0 - 1) is not null) lo = k0 - 1;
        else if (ladder.Get(k0 + 1) is not null) hi = k0 + 1;
        else return new ProbeResult(Verdict.Passed, first.Analytic, first.Centred, Math.Max(firstBar, Math.Abs(first.Error)), k0) { Resolved = false };

        var canGrow = true;
        for (var round = 0; round < MaximumLevels; round++)
        {
            var finest = Assess(ladder, hi, options);
            var coarsest = lo + 2 <= hi ? Assess(ladder, lo + 2, options) : finest;
            Trace?.Invoke($"lo={lo} hi={hi} finest={finest} coarsest={coarsest}");
            if ((Judge(finest) ?? Judge(coarsest)) is { } decided) return decided;

            if (finest.Kinkish)
            {
                if (finest.NoiseDominated) return AtKink(ladder, hi, finest, options);
            }
            else if (finest.NoiseDominated && canGrow && lo > k0 - CoarserLevels)
            {
                if (ladder.Get(lo - 1) is not null) { lo--; continue; }
                canGrow = false;
            }
            else if (finest.NoiseDominated && finest.Triple)
            {
                break;
            }

            if (hi - k0 >= MaximumLevels || ladder.Get(hi + 1) is null) break;
            hi++;
        }

        return Final(ladder, lo, hi, options);
    }

    /// <summary>
    /// Passes within the bar where the bar can be trusted (three levels that show the t² truncation, or a bar already
    /// as tight as the relative tolerance); fails only where the truncation is seen to behave and no kink is inside.
    /// </summary>
    private static ProbeResult? Judge(Assessment a)
    {
        // A jump that has not faded yet may be a kink (judged only once it stays to the smallest steps) or curvature
        // seen at steps too wide (judged once it fades).
        if (a.Kinkish) return null;
        var error = Math.Abs(a.Refined);
        if (error <= a.Bar && (a.Asymptotic || a.TightWithoutThirdLevel))
            return new ProbeResult(Verdict.Passed, a.Analytic, a.Analytic + a.Refined, a.Bar, a.Level) { Noise = a.Noise };
        if (a.Asymptotic && !a.Kinkish && error > 2 * a.Bar)
            return new ProbeResult(Verdict.Failed, a.Analytic, a.Analytic + a.Refined, 2 * a.Bar, a.Level) { Noise = a.Noise };
        return null;
    }

    /// <summary>The steps ran out undecided: judge at the most trustworthy level, never failing without the t² evidence.</summary>
    private static ProbeResult Final(StepLadder ladder, int lo, int hi, CheckOptions options)
    {
        var assessments = Enumerable.Range(lo + 1, Math.Max(0, hi - lo)).Select(c => Assess(ladder, c, options)).ToList();
        if (assessments.Count == 0)
        {
            var only = ladder.Get(hi)!.Value;
            return new ProbeResult(Verdict.Passed, only.Analytic, only.Centred, Math.Abs(only.Error), hi) { Resolved = false };
        }

        if (assessments[^1].Kinkish) return AtKink(ladder, hi, assessments[^1], options);
        var best = assessments.OrderBy(a => a.Asymptotic ? 0 : 1).ThenBy(a => a.Bar).First();
        var error = Math.Abs(best.Refined);
        if (error <= 2 * best.Bar)
            return new ProbeResult(Verdict.Passed, best.Analytic, best.Analytic + best.Refined, 2 * best.Bar, best.Level)
            {
                Resolved = best.Asymptotic, Noise = best.Noise,
            };
        if (best.Asymptotic && !best.Kinkish)
            return new ProbeResult(Verdict.Failed, best.Analytic, best.Analytic + best.Refined, 2 * best.Bar, best.Level) { Noise = best.Noise };
        // Nothing converged: the check proves no more than the size of what it could not resolve.
        return new ProbeResult(Verdict.Passed, best.Analytic, best.Analytic + best.Refined, error, best.Level) { Resolved = false, Noise = best.Noise };
    }

    /// <summary>A jump that stayed to the smallest usable step: the analytic value must lie between the one-sided slopes.</summary>
    private static ProbeResult AtKink(StepLadder ladder, int k, Assessment a, CheckOptions options)
    {
        var (near, far) = (ladder.Get(k)!.Value, ladder.Get(k - 1)!.Value);
        var lower = Math.Min(near.Forward, near.Backward);
        var upper = Math.Max(near.Forward, near.Backward);
        // The one-sided quotients carry their own truncation (about f''·t) and rounding.
        var slack = Math.Abs(near.Forward - far.Forward) + Math.Abs(near.Backward - far.Backward) + 4 * a.Noise / near.T + Tolerance(near, options);
        var within = near.Analytic >= lower - slack && near.Analytic <= upper + slack;
        return new ProbeResult(within ? Verdict.NonDifferentiable : Verdict.Failed, near.Analytic, near.Centred, slack, k)
        {
            AtKink = true, Lower = lower, Upper = upper, Noise = a.Noise,
        };
    }

    private static double Tolerance(in Level level, CheckOptions options) =>
        options.RelativeTolerance * Math.Max(Math.Max(Math.Abs(level.Analytic), Math.Abs(level.Centred)), level.AbsoluteSum)
        + options.AbsoluteTolerance * level.DisplacementNorm;

    /// <summary>What levels c, c − 1 (and c − 2, c − 3, c − 4 when evaluated) say.</summary>
    private static Assessment Assess(StepLadder ladder, int c, CheckOptions options)
    {
        var near = ladder.Get(c)!.Value;
        var far = ladder.Get(c - 1)!.Value;
        Level? farther = ladder.Has(c - 2) ? ladder.Get(c - 2) : null;
        Level? farthest = farther is not null && ladder.Has(c - 3) ? ladder.Get(c - 3) : null;
        var floorBar = 6 * ladder.RoundingFloor / near.T;

        var noise = Noise(ladder, c);
        var noiseBar = 6 * noise.Value / near.T;
        var refined = near.Error + (near.Error - far.Error) / 3;
        var truncation = Math.Abs(near.Error - far.Error);
        var bar = truncation + noiseBar + Tolerance(near, options);
        var asymptotic = false;
        if (farther is { } a)
        {
            var refinedFar = far.Error + (far.Error - a.Error) / 3;
            bar = Math.Max(truncation, Math.Abs(refined - refinedFar)) + noiseBar + Tolerance(near, options);
            var (d1, d2) = (a.Error - far.Error, far.Error - near.Error);
            // The truncation falls like t²: its differences by four per halving, twice in a row where a fourth level is
            // there (a single ratio can be a coincidence of the noise) ...
            var fallsLikeTSquared = Math.Abs(d2) > floorBar && d1 / d2 is >= 2.5 and <= 6.5
                                    && (farthest is not { } b || (b.Error - a.Error) / d1 is >= 2.5 and <= 6.5);
            // ... or it has fallen into a measured noise that is small against what is compared (a bar as large as the
            // signal proves nothing).
            var signal = Math.Max(Math.Max(Math.Abs(near.Analytic), Math.Abs(near.Centred)), near.AbsoluteSum);
            var converged = noise.Measured && noiseBar <= 1e-2 * signal && Math.Abs(d2) <= noiseBar && Math.Abs(d1) <= 4 * noiseBar;
            asymptotic = fallsLikeTSquared || converged;
        }

        var scale = Math.Max(Math.Abs(near.Analytic), Math.Abs(near.Centred));
        var jumpNoise = 4 * noise.Value / near.T;
        var kinkish = Math.Abs(near.Jump) > 4 * jumpNoise
                      && Math.Abs(near.Jump - far.Jump) <= 0.25 * Math.Max(Math.Abs(near.Jump), Math.Abs(far.Jump));
        return new Assessment(c, near.Analytic, refined, bar, noise.Value, asymptotic, kinkish,
            NoiseDominated: noise.Measured && noiseBar >= 4 * truncation,
            TightWithoutThirdLevel: farther is null && truncation <= 1e-4 * scale,
            Triple: farther is not null);
    }

    /// <summary>
    /// The objective's noise, from one-sided third differences over x, x + t, x + 2t, x + 4t (and the same on the minus
    /// side): 4t³·φ‴ plus about 10 standard deviations of the noise; the smaller side, so a kink at x (smooth on each
    /// side) does not pass for noise; the larger of two neighbouring windows, since one can come out small by chance
    /// (rounding noise is often a staircase). It is the noise only once it has stopped falling eightfold per halving
    /// (where truncation still dominates it) and stays within ∛ε of the objective's size (beyond that it is the
    /// truncation of steps far wider than the function's scale). Until then only the rounding floor is known.
    /// </summary>
    private static (double Value, bool Measured) Noise(StepLadder ladder, int c)
    {
        double? Window(int k) => ladder.Has(k - 2) && ladder.Get(k - 2) is { } wide && ladder.Get(k - 1) is { } far && ladder.Get(k) is { } near
            ? ThirdDifference(wide, far, near)
            : null;

        if (Window(c) is not { } finest || Window(c - 1) is not { } previous) return (ladder.RoundingFloor, false);
        var estimate = Math.Max(finest, previous) / 4;
        var stopped = Window(c - 2) is not { } earlier || Math.Max(finest, previous) >= Math.Max(previous, earlier) / 3;
        return estimate <= ladder.RoundingFloor ? (ladder.RoundingFloor, true)
            : stopped && estimate <= ladder.PlausibleNoise ? (estimate, true)
            : (ladder.RoundingFloor, false);
    }

    private static double ThirdDifference(in Level wide, in Level far, in Level near) =>
        Math.Min(ThirdDifference(wide.Plus, far.Plus, near.Plus, near.Base), ThirdDifference(wide.Minus, far.Minus, near.Minus, near.Base));

    /// <summary>φ(4t) − 6φ(2t) + 8φ(t) − 3φ(0) = 4t³·φ‴, exactly for a cubic: nothing but noise and higher terms.</summary>
    private static double ThirdDifference(double at4, double at2, double at1, double at0) => Math.Abs(at4 - 6 * at2 + 8 * at1 - 3 * at0);

    private readonly record struct Assessment(
        int Level, double Analytic, double Refined, double Bar, double Noise, bool Asymptotic, bool Kinkish, bool NoiseDominated,
        bool TightWithoutThirdLevel, bool Triple);
}
