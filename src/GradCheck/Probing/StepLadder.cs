namespace GradCheck;

/// <summary>
/// One probe's evaluations on a ladder of steps t = 2⁻ᵏ (times the perturbation's own steps), each level evaluated once,
/// on demand: φ(x + t·v) and φ(x − t·v). From two neighbouring levels come the Richardson-refined quotient and an
/// estimate of its truncation error; from three, a test that the truncation really falls like t²; from the one-sided
/// quotients, whether a kink sits inside the step and whether it stays as the step shrinks.
/// </summary>
internal sealed class StepLadder
{
    private readonly Prober prober;
    private readonly IReadOnlyList<LadderPart> parts;
    private readonly Dictionary<int, Level?> levels = [];

    public StepLadder(Prober prober, InputStorage input, double[] snapshot, double[] gradient, Perturbation perturbation, int firstLevel)
        : this(prober, [new LadderPart(input, snapshot, gradient, perturbation)], firstLevel)
    {
    }

    /// <summary>A ladder over several inputs moved together (a joint probe): φ at x ± t·v with v spanning all of them.</summary>
    public StepLadder(Prober prober, IReadOnlyList<LadderPart> parts, int firstLevel)
    {
        this.prober = prober;
        this.parts = parts;
        FirstLevel = firstLevel;
    }

    /// <summary>
    /// An element's ladder whose levels its <paramref name="group"/> evaluates for all its members at once: the element reads
    /// φ summed over its own output block, which no other member reaches, so its quotients are those of a move of its own.
    /// </summary>
    public StepLadder(Prober prober, LadderPart element, ElementGroup group, int firstLevel)
        : this(prober, [element], firstLevel)
    {
        this.group = group;
        block = group.BlockOf(element.Perturbation.Indices[0]);
    }

    private readonly ElementGroup? group;
    private readonly int block;

    /// <summary>The level of the first look; coarser levels are optional (out of the function's domain they are simply missing).</summary>
    public int FirstLevel { get; }

    public double Base => prober.Base;

    /// <summary>
    /// The rounding error a single evaluation may carry at least (<see cref="Prober.RoundingFloor"/> of the largest objective
    /// magnitude seen).
    /// </summary>
    public double RoundingFloor { get; private set; }

    /// <summary>
    /// The most rounding noise an objective can carry and still be differentiated numerically: √ε times the largest
    /// objective magnitude seen (a cancellation of half the digits). A "noise" above it is the truncation of steps still
    /// wider than the scale the function varies on.
    /// </summary>
    public double PlausibleNoise => Math.Max(Math.Sqrt(prober.OutputEpsilon) * largestMagnitude, prober.NondeterminismSpread);

    private double largestMagnitude;

    public int Evaluations { get; private set; }

    /// <summary>The level k, evaluated if need be; null when its step cannot be represented or, above the first look, leaves the domain.</summary>
    public Level? Get(int k)
    {
        if (levels.TryGetValue(k, out var known)) return known;
        var level = Evaluate(k);
        levels[k] = level;
        return level;
    }

    /// <summary>Whether level k has been evaluated (whatever the result).</summary>
    public bool Has(int k) => levels.ContainsKey(k);

    private Level? Evaluate(int k)
    {
        var t = Math.ScaleB(1.0, -k);
        var moves = new Move[parts.Count];
        for (var p = 0; p < parts.Count; p++)
        {
            if (parts[p].Perturbation.DisplacementsAt(t, parts[p].Snapshot) is not { } move) return null;
            moves[p] = move;
        }

        double plus, minus, magnitudePlus, magnitudeMinus, baseValue = prober.Base;
        try
        {
            if (group?.At(k) is { } shared)
            {
                // The group's move leaves every other block as it was (verified): the block's sums differ as φ's would.
                (plus, minus, baseValue) = (shared.Plus[block], shared.Minus[block], group.BaseBlocks[block]);
                (magnitudePlus, magnitudeMinus) = (shared.Magnitude, shared.Magnitude);
            }
            else if (parts is [var only])
            {
                plus = prober.At(only.Input, only.Snapshot, only.Perturbation, moves[0], +1, out magnitudePlus);
                minus = prober.At(only.Input, only.Snapshot, only.Perturbation, moves[0], -1, out magnitudeMinus);
            }
            else
            {
                plus = prober.AtJoint(parts, moves, +1, out magnitudePlus);
                minus = prober.AtJoint(parts, moves, -1, out magnitudeMinus);
            }
        }
        catch (CheckFaultException fault) when (k < FirstLevel && fault.Fault.Kind is FaultKind.NonFiniteOutput or FaultKind.ForwardThrew)
        {
            // Wider than the first look the step may leave the function's domain (log near 0): that level is just not there.
            return null;
        }
        finally
        {
            Evaluations += 2;
        }

        double analytic = 0, absoluteSum = 0, largest = 0, scaledSquares = 0;
        foreach (var move in moves)
        foreach (var d in move.Displacements)
            largest = Math.Max(largest, Math.Abs(d));
        // ‖d‖ scaled by a power of two near the largest |dᵢ| (exact, no overflow at 1e300): a multiplication per element.
        var scale = Math.Max(FloatingPoint.PowerOfTwoAtMost(largest), Math.ScaleB(1.0, -1000));   // 1/scale stays finite
        var inverse = 1 / scale;
        for (var p = 0; p < parts.Count; p++)
        {
            var (gradient, indices, displacements) = (parts[p].Gradient, parts[p].Perturbation.Indices, moves[p].Displacements);
            for (var i = 0; i < displacements.Length; i++)
            {
                var term = gradient[indices[i]] * displacements[i];
                analytic += term;
                absoluteSum += Math.Abs(term);
                var scaled = displacements[i] * inverse;
                scaledSquares += scaled * scaled;
            }
        }

        var norm = scale * Math.Sqrt(scaledSquares);

        var magnitude = Math.Max(prober.BaseMagnitude, Math.Max(magnitudePlus, magnitudeMinus));
        largestMagnitude = Math.Max(largestMagnitude, magnitude);
        RoundingFloor = Math.Max(RoundingFloor, prober.RoundingFloor(magnitude));
        return new Level(k, t, plus, minus, baseValue, analytic / t, absoluteSum / t, norm / t);
    }
}

/// <summary>One input's share of a probe: the elements it moves, and what they are compared with.</summary>
internal readonly record struct LadderPart(InputStorage Input, double[] Snapshot, double[] Gradient, Perturbation Perturbation)
{
    /// <summary>
    /// The finest level at or coarser than <paramref name="wanted"/> at which every part's displacements can be represented (a level
    /// learned on other elements may be too fine for an element with a large value).
    /// </summary>
    public static int UsableLevel(IReadOnlyList<LadderPart> parts, int wanted)
    {
        for (var k = wanted; k > wanted - 64; k--)
            if (AllRepresentable(parts, Math.ScaleB(1.0, -k))) return k;
        return wanted;
    }

    private static bool AllRepresentable(IReadOnlyList<LadderPart> parts, double t)
    {
        for (var p = 0; p < parts.Count; p++)
            if (parts[p].Perturbation.DisplacementsAt(t, parts[p].Snapshot) is null) return false;
        return true;
    }
}

/// <summary>
/// One rung of a <see cref="StepLadder"/>: φ at x ± d for the displacements d at step t, and the analytic
/// directional derivative ⟨g, d⟩/t they must be compared with, all in units of t; Σ|gᵢdᵢ|/t is its size without
/// cancellation (what a relative tolerance is taken of, so a direction is held to what its elements are held to).
/// </summary>
internal readonly record struct Level(
    int K, double T, double Plus, double Minus, double Base, double Analytic, double AbsoluteSum, double DisplacementNorm)
{
    /// <summary>(φ(x + d) − φ(x − d)) / 2t.</summary>
    public double Centred => (Plus - Minus) / (2 * T);

    /// <summary>(φ(x + d) − φ(x)) / t.</summary>
    public double Forward => (Plus - Base) / T;

    /// <summary>(φ(x) − φ(x − d)) / t.</summary>
    public double Backward => (Base - Minus) / T;

    /// <summary>Centred minus analytic: what the decision is about.</summary>
    public double Error => Centred - Analytic;

    /// <summary>Forward minus backward: f''·t for a smooth function, the derivative's jump for a kink inside the step.</summary>
    public double Jump => Forward - Backward;
}
