namespace GradCheck;

/// <summary>
/// What one probe moves: some elements of one input, element <c>Indices[i]</c> by ±t·<c>Steps[i]</c> at the ladder's
/// scale t. An element check moves one element by its base step; a directional probe moves many, each by its base step
/// times a random sign and a random magnitude in [0.5, 1.5] — continuous magnitudes, so no pattern of equal errors
/// (a transposed 2×2 block, a mask, ± pairs) can cancel out along it.
/// </summary>
internal sealed class Perturbation
{
    // A displacement below this many units in the last place of x is too coarse to move x by what was asked.
    private const double SmallestDisplacementInUlps = 16;

    private Perturbation(int[] indices, double[] steps, ElementPrecision precision)
    {
        Indices = indices;
        Steps = steps;
        Precision = precision;
    }

    /// <summary>The precision of the input it moves: x ± d must be a number of that precision.</summary>
    public ElementPrecision Precision { get; }

    public int[] Indices { get; }

    /// <summary>Each element's displacement at t = 1.</summary>
    public double[] Steps { get; }

    public bool IsElement => Indices.Length == 1;

    /// <summary>
    /// Whether it moves some elements up and others down. Along such a direction the one-sided slopes of several kinks do
    /// not bracket a correct gradient (a ReLU layer on its kinks, weighted by upstream values of both signs: each kink's
    /// slope enters on a different side), so a kink found along it proves nothing wrong.
    /// </summary>
    public bool MixesSigns => Steps.Any(s => s > 0) && Steps.Any(s => s < 0);

    public static Perturbation Element(int index, double step, ElementPrecision precision = ElementPrecision.Double) =>
        new([index], [step], precision);

    /// <summary>Random signs and magnitudes in [0.5, 1.5] times each element's base step.</summary>
    public static Perturbation Random(int[] indices, double[] baseSteps, Random random, ElementPrecision precision = ElementPrecision.Double,
        double scale = 1)
    {
        var steps = GC.AllocateUninitializedArray<double>(indices.Length);
        var draw = DirectionDraw.From(random);
        for (var i = 0; i < indices.Length; i++) steps[i] = draw.NextSignedMagnitude() * (baseSteps[indices[i]] * scale);   // × 1 is exact
        return new Perturbation(indices, steps, precision);
    }

    /// <summary>
    /// Magnitudes in [0.5, 1.5] times each element's base step, each with its gradient's sign (a random one where the
    /// gradient is zero): along it ⟨g, v⟩ = Σ|gᵢvᵢ| cannot cancel, so a gradient off by a factor moves ⟨g, v⟩ by that whole
    /// factor, where along random signs ⟨g, v⟩ may be a small remainder of larger terms that the error bar hides it in.
    /// </summary>
    public static Perturbation Aligned(int[] indices, double[] baseSteps, double[] gradient, Random random,
        ElementPrecision precision = ElementPrecision.Double)
    {
        var steps = GC.AllocateUninitializedArray<double>(indices.Length);
        var draw = DirectionDraw.From(random);
        for (var i = 0; i < indices.Length; i++)
        {
            var signed = draw.NextSignedMagnitude();
            var g = gradient[indices[i]];
            steps[i] = (g == 0 ? signed : Math.CopySign(signed, g)) * baseSteps[indices[i]];
        }

        return new Perturbation(indices, steps, precision);
    }

    /// <summary>
    /// Positive magnitudes in [0.5, 1.5] times each element's base step: along it a max tie whose gradient is routed to
    /// both slots shows (the sum of the slots' moves exceeds the larger of them).
    /// </summary>
    public static Perturbation AllPositive(int[] indices, double[] baseSteps, Random random, ElementPrecision precision = ElementPrecision.Double)
    {
        var steps = GC.AllocateUninitializedArray<double>(indices.Length);
        var draw = DirectionDraw.From(random);
        for (var i = 0; i < indices.Length; i++) steps[i] = draw.NextMagnitude() * baseSteps[indices[i]];
        return new Perturbation(indices, steps, precision);
    }

    /// <summary>
    /// <paramref name="wanted"/>, or the finest coarser level whose displacements the input can represent (a level
    /// learned on other elements may be too fine for an element with a large value).
    /// </summary>
    public int UsableLevel(int wanted, double[] snapshot)
    {
        for (var k = wanted; k > wanted - 64; k--)
            if (DisplacementsAt(Math.ScaleB(1.0, -k), snapshot) is not null) return k;
        return wanted;
    }

    /// <summary>
    /// The values written at scale <paramref name="t"/>, rounded so that centre ± d are both exact; null when some
    /// element's displacement would fall below what its value can represent.
    /// </summary>
    public Move? DisplacementsAt(double t, double[] snapshot)
    {
        // The first look asks for its level twice (is it usable? then its points): the last answer is kept.
        if (last is { } known && known.T == t && ReferenceEquals(known.Snapshot, snapshot)) return known.Move;
        var computed = Compute(t, snapshot);
        last = (t, snapshot, computed);
        return computed;
    }

    private (double T, double[] Snapshot, Move? Move)? last;

    private Move? Compute(double t, double[] snapshot)
    {
        // The centres are the elements' own values unless one must move (Shifted): only then are they copied out.
        double[]? centres = null;
        var displacements = GC.AllocateUninitializedArray<double>(Indices.Length);   // every element written, or none returned
        for (var i = 0; i < Indices.Length; i++)
        {
            var x = snapshot[Indices[i]];
            var wanted = t * Steps[i];
            if (!double.IsFinite(wanted) || Math.Abs(wanted) < SmallestDisplacementInUlps * FloatingPoint.Ulp(x, Precision)) return null;
            if (Exact(x, wanted, Precision) is { } exact) displacements[i] = exact;
            else if (Shifted(x, wanted, Precision) is { } shifted)
            {
                centres ??= ValuesAt(snapshot, copy: true);
                (centres[i], displacements[i]) = shifted;
            }
            else return null;
        }

        return new Move(centres ?? ValuesAt(snapshot, copy: false), displacements);
    }

    /// <summary>
    /// The moved elements' values: the snapshot itself when the perturbation moves every element in order and no copy is
    /// asked for (a Move never writes its centres), else a copy.
    /// </summary>
    private double[] ValuesAt(double[] snapshot, bool copy)
    {
        if (!copy && MovesEveryElementInOrder(snapshot.Length)) return snapshot;
        var values = GC.AllocateUninitializedArray<double>(Indices.Length);
        for (var i = 0; i < values.Length; i++) values[i] = snapshot[Indices[i]];
        return values;
    }

    private bool MovesEveryElementInOrder(int count)
    {
        if (everyElementInOrder is { } known) return known;
        var inOrder = Indices.Length == count;
        for (var i = 0; inOrder && i < Indices.Length; i++) inOrder = Indices[i] == i;
        everyElementInOrder = inOrder;
        return inOrder;
    }

    private bool? everyElementInOrder;

    // A multiple of the spacing u (in the input's precision) at the larger of |x| and |d| keeps x ± d exact, unless x ± d crosses into the next
    // binade, whose spacing is 2u: then d must have the parity of x (in units of u), which one of the neighbours has.
    private static double? Exact(double x, double wanted, ElementPrecision precision)
    {
        var u = FloatingPoint.Ulp(Math.Max(Math.Abs(x), Math.Abs(wanted)), precision);
        var rounded = Math.Round(wanted / u) * u;
        // Most elements take the rounded value itself: tried before the neighbours are laid out.
        if (IsExactAbout(x, rounded, precision)) return rounded;
        foreach (var d in (ReadOnlySpan<double>)[rounded + u, rounded - u, rounded + 2 * u, rounded - 2 * u])
            if (IsExactAbout(x, d, precision)) return d;
        return null;
    }

    // An x much smaller than the step has digits below the step's spacing u, which x ± d cannot keep: the centre moves to x
    // rounded to a multiple of u (at most u/2 away), about which centre ± d are exact.
    private static (double Centre, double Displacement)? Shifted(double x, double wanted, ElementPrecision precision)
    {
        if (Math.Abs(x) >= Math.Abs(wanted)) return null;
        var u = FloatingPoint.Ulp(2 * Math.Abs(wanted), precision);
        var centre = Math.Round(x / u) * u;
        var rounded = Math.Round(wanted / u) * u;
        foreach (var d in (ReadOnlySpan<double>)[rounded, rounded + u, rounded - u])
            if (FloatingPoint.IsRepresentable(centre, precision) && IsExactAbout(centre, d, precision)) return (centre, d);
        return null;
    }

    private static bool IsExactAbout(double x, double d, ElementPrecision precision) =>
        d != 0 && x + d - x == d && x - (x - d) == d
        && FloatingPoint.IsRepresentable(x + d, precision) && FloatingPoint.IsRepresentable(x - d, precision);
}
