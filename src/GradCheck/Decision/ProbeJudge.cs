namespace GradCheck;

/// <summary>
/// Decides one probe on its <see cref="StepLadder"/>, letting the error estimate choose the step:
/// <list type="number">
/// <item>A first look at the probe's step: if analytic and centred quotient agree within rounding and the tolerances,
/// it passes (two evaluations).</item>
/// <item>Otherwise the ladder grows: the Richardson-refined error R between neighbouring steps, with a bar built from
/// how R and the plain quotient still move between steps, the objective's noise and the tolerances. Nothing is
/// concluded until the truncation is seen to fall like t² (over four steps) or has sunk into a measured noise.</item>
/// <item>It fails as soon as the analytic value lies outside twice the bar; it passes only once the bar is as small
/// as the steps can make it (rounding dominates), or within a hundred times the tolerance. While truncation dominates
/// (a step wider than the scale the function varies on: a small spread around a large offset, a high curvature) the step
/// halves; while rounding dominates from the first look on, it doubles, as far as the function's domain allows.</item>
/// <item>A derivative jump that stays as the step shrinks, down to where rounding hides it, is a kink: the analytic value
/// must then lie between the one-sided slopes (NonDifferentiable), else it fails. A jump that fades with the step was
/// curvature, and the probe is judged as smooth.</item>
/// </list>
/// </summary>
internal static class ProbeJudge
{
    // How far the ladder may go: coarser than the first look (rounding-dominated functions), and in all.
    private const int CoarserLevels = 8, MaximumLevels = 72;

    /// <summary>A failure's bar relative to its numeric value below which it is not sharpened further.</summary>
    private const double SharpFailure = 1e-3;

    /// <summary>How little an error may move over a fourfold change of step to be the gradient's own, relative to its size.</summary>
    private const double StandsStill = 1e-2;

    /// <param name="ladder">The probe's ladder, its first look at <see cref="StepLadder.FirstLevel"/>.</param>
    /// <param name="options">The tolerances.</param>
    /// <param name="enough">
    /// A bar that needs no wider steps to shrink it, in the probe's units (an element's share of the input's largest
    /// derivative that no error worth reporting could hide under).
    /// </param>
    public static ProbeResult Decide(StepLadder ladder, CheckOptions options, double enough = 0)
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

        ProbeResult? failure = null;
        var (lo, hi) = (k0, k0);
        if (ladder.Get(k0 - 1) is not null) lo = k0 - 1;
        else if (ladder.Get(k0 + 1) is not null) hi = k0 + 1;
        else return new ProbeResult(Verdict.Passed, first.Analytic, first.Centred, Math.Max(firstBar, Math.Abs(first.Error)), k0) { Resolved = false };

        for (var round = 0; round < MaximumLevels; round++)
        {
            // The noise is the objective's, whatever the step: measured at the finest steps, it sets every level's bar.
            var noise = ObjectiveNoise.At(ladder, hi);
            var assessments = Enumerable.Range(lo + 1, hi - lo).Select(c => Assess(ladder, c, noise, options)).ToList();
            // Wider steps lower the noise's share until truncation shows at the widest triple: a pass that is not yet within
            // a hundred times the tolerance waits for them (as far as the function's domain allows).
            var widerMayHelp = assessments.FirstOrDefault(a => a.Triple) is { FallsLikeTSquared: false } && lo > k0 - CoarserLevels;
            if (Judge(assessments, widerMayHelp, enough) is { } decided)
            {
                // A failure is certain; what it is off by is sharpened while its bar exceeds a thousandth of the numeric
                // value (the report says by how much, and a diagnosis needs the ratio).
                if (decided.Verdict != Verdict.Failed || decided.Tolerance <= SharpFailure * Math.Abs(decided.Numeric)) return Sharper(failure, decided);
                failure = Sharper(failure, decided);
            }

            var finest = assessments[^1];
            if (finest.Kinkish && finest.NoiseDominated) return AtKink(ladder, hi, finest, options);
            if (finest.NoiseDominated && !finest.Kinkish)
            {
                // Rounding dominates: finer steps only add noise. While it dominates the widest steps too, wider ones
                // lower the noise's share (as far as the function's domain allows).
                if (widerMayHelp && ladder.Get(lo - 1) is not null)
                {
                    lo--;
                    continue;
                }

                return failure ?? Final(ladder, assessments, hi, options);
            }

            if (hi - k0 >= MaximumLevels || ladder.Get(hi + 1) is null) return failure ?? Final(ladder, assessments, hi, options);
            hi++;
        }

        var last = Enumerable.Range(lo + 1, hi - lo).Select(c => Assess(ladder, c, ObjectiveNoise.At(ladder, hi), options)).ToList();
        return failure ?? Final(ladder, last, hi, options);
    }

    private static ProbeResult Sharper(ProbeResult? earlier, ProbeResult later) =>
        earlier is { } e && e.Tolerance / Math.Abs(e.Numeric) < later.Tolerance / Math.Abs(later.Numeric) && later.Verdict == Verdict.Failed ? e : later;

    /// <summary>
    /// Fails where a trustworthy bar (the truncation seen to behave, no kink inside) is exceeded twice over; passes
    /// within the smallest trustworthy bar once it is as small as the steps can make it (rounding dominates) or already
    /// within a hundred times the tolerance; otherwise asks for finer steps.
    /// </summary>
    private static ProbeResult? Judge(List<Assessment> assessments, bool widerMayHelp, double enough)
    {
        var trusted = assessments.Where(a => a.Asymptotic && !a.Kinkish).OrderBy(a => a.Bar).ToList();
        foreach (var failing in trusted.Where(a => Math.Abs(a.Refined) > 2 * a.Bar).Take(1))
            return new ProbeResult(Verdict.Failed, failing.Analytic, failing.Analytic + failing.Refined, 2 * failing.Bar, failing.Level)
            {
                Noise = failing.Noise,
            };

        // Only the tightest trustworthy bar may pass it: a wider one at another step cannot outvote it.
        foreach (var a in trusted.Take(1))
        {
            // As good as it gets: rounding dominates even at the widest steps, or the bar is good enough.
            var atItsBest = (assessments[^1].NoiseDominated && !widerMayHelp) || GoodEnough(a, enough);
            if (Math.Abs(a.Refined) <= a.Bar && atItsBest)
                return new ProbeResult(Verdict.Passed, a.Analytic, a.Analytic + a.Refined, a.Bar, a.Level) { Noise = a.Noise };
        }

        // Two levels only, the first look failed by noise: a truncation this small settles it.
        foreach (var a in assessments)
            if (a.TightWithoutThirdLevel && !a.Kinkish && Math.Abs(a.Refined) <= a.Bar && (!widerMayHelp || GoodEnough(a, enough)))
                return new ProbeResult(Verdict.Passed, a.Analytic, a.Analytic + a.Refined, a.Bar, a.Level) { Noise = a.Noise };
        return null;
    }

    /// <summary>
    /// A bar that resolves a hundredth of the tolerance's share of the compared values themselves (not of their sum
    /// without cancellation: a gradient off by a uniform factor moves ⟨g, v⟩ by that factor, however much ⟨g, v⟩
    /// cancels), or that is below what the caller calls enough.
    /// </summary>
    private static bool GoodEnough(in Assessment a, double enough) => a.Bar <= Math.Max(100 * a.Tolerance * a.Compared / a.Signal, enough);

    /// <summary>The steps ran out undecided: judge at the most trustworthy level, never failing without the t² evidence.</summary>
    private static ProbeResult Final(StepLadder ladder, List<Assessment> assessments, int hi, CheckOptions options)
    {
        if (assessments[^1].Kinkish) return AtKink(ladder, hi, assessments[^1], options);
        // A jump that vanished at finer steps was a kink near x that only the wider steps crossed: their quotients say
        // nothing about the derivative at x, so only the steps finer than the last kinkish one are heard.
        var lastKinkish = assessments.FindLastIndex(a => a.Kinkish);
        var heard = lastKinkish < 0 ? assessments : assessments.Skip(lastKinkish + 1).Where(a => a.Triple).ToList();
        if (heard.Count == 0) heard = [assessments[^1]];
        var best = heard.OrderBy(a => a.Asymptotic ? 0 : 1).ThenBy(a => a.Bar).First();
        var error = Math.Abs(best.Refined);
        if (best.Asymptotic && error > 2 * best.Bar)
            return new ProbeResult(Verdict.Failed, best.Analytic, best.Analytic + best.Refined, 2 * best.Bar, best.Level) { Noise = best.Noise };
        if (error <= 2 * best.Bar)
            return new ProbeResult(Verdict.Passed, best.Analytic, best.Analytic + best.Refined, 2 * best.Bar, best.Level)
            {
                Resolved = best.Asymptotic, Noise = best.Noise,
            };
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
        options.RelativeTolerance * Signal(level) + options.AbsoluteTolerance * level.DisplacementNorm;

    /// <summary>The size of what is compared: the analytic and numeric values, and ⟨g, v⟩ without cancellation.</summary>
    private static double Signal(in Level level) => Math.Max(Math.Max(Math.Abs(level.Analytic), Math.Abs(level.Centred)), level.AbsoluteSum);

    /// <summary>What levels c, c − 1 (and c − 2, c − 3, c − 4 when evaluated) say.</summary>
    private static Assessment Assess(StepLadder ladder, int c, ObjectiveNoise noise, CheckOptions options)
    {
        var near = ladder.Get(c)!.Value;
        var far = ladder.Get(c - 1)!.Value;
        Level? farther = ladder.Has(c - 2) ? ladder.Get(c - 2) : null;
        Level? farthest = farther is not null && ladder.Has(c - 3) ? ladder.Get(c - 3) : null;
        var floorBar = 4 * ladder.RoundingFloor / near.T;
        // R's noise has a standard deviation of about σ/t (the centred σ): four of them. Where the noise is not measured
        // yet, this level's own window bounds it from above (truncation included): a bar never trusts less noise than that.
        var window = farther is { } wide ? ObjectiveNoise.Window.Of(wide, far, near) : new ObjectiveNoise.Window(0, 0);
        var sigma = Math.Max(noise.OneSided, window.OneSided);
        var centredSigma = Math.Max(noise.Centred, window.Centred);
        var noiseBar = 4 * centredSigma / near.T;
        var tolerance = Tolerance(near, options);

        // E = centred − analytic; R = E(t) + (E(t) − E(2t))/3, its Richardson refinement. E's truncation is about a third of
        // |E(t) − E(2t)|; once the truncation falls like t², R's (of order t⁴) is about |R(t) − R(2t)|/15. The bar takes
        // three times the latter, or a sixteenth of the former if larger: a wide margin over R's actual error.
        var refined = near.Error + (near.Error - far.Error) / 3;
        var truncation = Math.Abs(near.Error - far.Error);
        var bar = truncation + noiseBar + tolerance;
        var (asymptotic, truncationShows) = (false, false);
        if (farther is { } a)
        {
            var refinedFar = far.Error + (far.Error - a.Error) / 3;
            bar = Math.Max(3 * Math.Abs(refined - refinedFar), truncation / 16) + noiseBar + tolerance;
            var (d1, d2) = (a.Error - far.Error, far.Error - near.Error);
            // The truncation falls like t²: its differences by four per halving, twice in a row (a single ratio can be a
            // coincidence of the noise) ...
            var fallsLikeTSquared = Math.Abs(d2) > Math.Max(floorBar, noiseBar) && d1 / d2 is >= 2.5 and <= 6.5
                                    && farthest is { } b && (b.Error - a.Error) / d1 is >= 2.5 and <= 6.5;
            // ... or it has fallen into a measured noise that is small against what is compared (a bar as large as the
            // signal proves nothing).
            var converged = noise.Measured && noiseBar <= 1e-2 * Signal(near) && Math.Abs(d2) <= noiseBar && Math.Abs(d1) <= 4 * noiseBar;
            // ... or the error itself stands still over a fourfold change of step, to a hundredth of its size: truncation
            // moves fourfold per halving (c·t² moves by 15c·t² over two halvings), so at most a 1/1500 share of it is
            // truncation and the rest is the gradient's own error. A hundredth, not less: float32's rounding moves it that much.
            var standsStill = Math.Abs(d1) + Math.Abs(d2) <= StandsStill * Math.Abs(near.Error) && Math.Abs(near.Error) > 1e-3 * Signal(near);
            asymptotic = fallsLikeTSquared || converged || standsStill;
            truncationShows = fallsLikeTSquared;
        }

        // A kink: a jump far above its (one-sided) noise (about 2.5σ/t), the same at three steps in a row. A jump that halves with the
        // step is curvature; one that only noise keeps alike at two steps is not a kink either.
        var jumpNoise = 32 * sigma / near.T;
        var kinkish = farther is { } w && JumpStays(near, far, jumpNoise) && JumpStays(far, w, jumpNoise);
        return new Assessment(c, near.Analytic, refined, bar, tolerance, sigma, Signal(near),
            Math.Max(Math.Abs(near.Analytic), Math.Abs(near.Centred)), asymptotic, kinkish,
            NoiseDominated: noise.Measured && noiseBar >= truncation,
            TightWithoutThirdLevel: farther is null && truncation <= 1e-4 * Signal(near) && !JumpStays(near, far, jumpNoise),
            Triple: farther is not null, FallsLikeTSquared: truncationShows);
    }

    private static bool JumpStays(in Level near, in Level far, double jumpNoise) =>
        Math.Abs(near.Jump) > jumpNoise && Math.Abs(near.Jump - far.Jump) <= 0.25 * Math.Max(Math.Abs(near.Jump), Math.Abs(far.Jump));

    private readonly record struct Assessment(
        int Level, double Analytic, double Refined, double Bar, double Tolerance, double Noise, double Signal, double Compared, bool Asymptotic, bool Kinkish,
        bool NoiseDominated, bool TightWithoutThirdLevel, bool Triple, bool FallsLikeTSquared);
}
