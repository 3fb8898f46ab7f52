namespace GradCheck;

/// <summary>
/// Default mode's first probes: random signed directions over every differentiated input at once, so that a passing
/// check costs two forward passes per direction whatever the number of inputs. Each input's part is a direction of its
/// own kind (random signs, magnitudes uniform in [0.5, 1.5] times its base steps: no pattern of equal errors cancels),
/// scaled by a power of two so that every input's share Σ|gᵢvᵢ| comes out alike, and judged with an nth of the tolerances
/// for n inputs, so that none drowns in the others' tolerance (a joint probe that fails by this stricter measure only
/// sends the inputs to their own probes).
/// An input passes on the joint probes only when their error bars resolve its own share as finely as its own probes
/// would be trusted to (<see cref="ReportWriter.CoarseResolution"/>, or ten relative tolerances if that is coarser) and
/// resolve a uniform relative error of <see cref="InputCheck.SharpEnough"/> of its own ⟨gᵢ, vᵢ⟩; any other input, and
/// every input when a joint probe fails, crosses a kink or faults, is probed on its own (<see cref="InputCheck"/>), where
/// failures are localised.
/// </summary>
internal static class JointProbe
{
    /// <summary>The share scales span at most this many powers of two: an input with a vanishing share is left at 1.</summary>
    private const int WidestBalance = 30;

    /// <summary>The coarsest rounding of one evaluation, relative to its size, at which the joint probes are tried.</summary>
    private const double CoarsestEpsilon = 1e-13;

    /// <summary>What the joint probes proved about one input.</summary>
    /// <param name="Probes">The joint directions it passed.</param>
    /// <param name="Resolution">Their largest error bar relative to its share Σ|gᵢvᵢ| (or to the error, if larger).</param>
    public sealed record Pass(int Probes, double Resolution);

    /// <summary>
    /// The joint probes over <paramref name="inputs"/> (one checker per differentiated input, one instance): for each input
    /// the pass they prove, or null where it needs its own probes.
    /// </summary>
    public static Pass?[] Run(IReadOnlyList<InputChecker> inputs, Prober prober, CheckOptions options, Random random)
    {
        var passes = new Pass?[inputs.Count];
        // Where one evaluation rounds coarser than double (float32 inputs or outputs, a measured spread), no input can
        // reach the sharpness it needs to pass on the joint probes: they would only add their evaluations.
        if (prober.EffectiveEpsilon > CoarsestEpsilon || inputs.Any(i => i.Storage.Precision != ElementPrecision.Double)) return passes;
        var scales = Balance(inputs);
        var resolution = new double[inputs.Count];
        var sharpest = Enumerable.Repeat(double.PositiveInfinity, inputs.Count).ToArray();
        // The tolerances are taken of the whole probe, n balanced shares: an nth of them is about each input's own.
        var strict = options with
        {
            RelativeTolerance = options.RelativeTolerance / inputs.Count, AbsoluteTolerance = options.AbsoluteTolerance / inputs.Count,
        };
        for (var d = 0; d < options.DirectionsPerInput; d++)
        {
            var parts = inputs.Select((input, i) => input.JointPart(scales[i], random)).ToList();
            var result = ProbeJudge.Decide(new StepLadder(prober, parts, LadderPart.UsableLevel(parts, 0)), strict);
            // Anything but a clean, resolved pass is for the inputs' own probes to judge (and to localise).
            if (result is not { Verdict: Verdict.Passed, AtKink: false, Resolved: true }) return passes;
            for (var i = 0; i < parts.Count; i++)
            {
                var (share, along) = Share(parts[i]);
                resolution[i] = Math.Max(resolution[i], result.Tolerance / Math.Max(Math.Max(result.Error, share), double.Epsilon));
                if (along != 0) sharpest[i] = Math.Min(sharpest[i], result.Tolerance / Math.Abs(along));
            }
        }

        var resolvedEnough = Math.Max(ReportWriter.CoarseResolution, 10 * options.RelativeTolerance);
        for (var i = 0; i < inputs.Count; i++)
            if (resolution[i] <= resolvedEnough && sharpest[i] <= InputCheck.SharpEnough)
                passes[i] = new Pass(options.DirectionsPerInput, resolution[i]);
        return passes;
    }

    /// <summary>The result of an input that passed on the joint probes.</summary>
    public static InputResult Result(InputChecker input, Pass pass, int inputs) => new(input.Storage.Name, input.Shape)
    {
        Verdict = Verdict.Passed,
        JointProbeCount = pass.Probes,
        JointInputCount = inputs,
        Resolution = pass.Resolution,
    };

    /// <summary>
    /// Powers of two that bring every input's expected share Σ|gᵢ|hᵢ down to the smallest one (within 2^30 of the largest):
    /// the joint tolerance, relative to the sum of all shares, is then about the number of inputs times each one's own.
    /// </summary>
    private static double[] Balance(IReadOnlyList<InputChecker> inputs)
    {
        var sizes = inputs.Select(i => i.StepWeightedGradient()).ToArray();
        var positive = sizes.Where(s => s > 0 && double.IsFinite(s)).ToList();
        if (positive.Count == 0) return sizes.Select(_ => 1.0).ToArray();
        var target = Math.Max(positive.Min(), Math.ScaleB(positive.Max(), -WidestBalance));
        return sizes.Select(s => s > target && double.IsFinite(s) ? Math.ScaleB(1.0, (int)Math.Floor(Math.Log2(target / s))) : 1.0).ToArray();
    }

    /// <summary>Σ|gᵢvᵢ| and ⟨gᵢ, vᵢ⟩ over one input's part, at the ladder's unit step.</summary>
    private static (double Share, double Along) Share(LadderPart part)
    {
        double share = 0, along = 0;
        var (indices, steps) = (part.Perturbation.Indices, part.Perturbation.Steps);
        for (var i = 0; i < indices.Length; i++)
        {
            var term = part.Gradient[indices[i]] * steps[i];
            share += Math.Abs(term);
            along += term;
        }

        return (share, along);
    }
}
