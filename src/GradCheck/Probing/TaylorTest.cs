namespace GradCheck;

/// <summary>Runs the Taylor-remainder test of one input along one perturbation.</summary>
internal static class TaylorTest
{
    private const int MaximumSteps = 24, MaximumWidening = 12;

    /// <summary>
    /// r(t) = |φ(x + t·v) − φ(x) − t·⟨g, v⟩| for t = 2^−k from k = <paramref name="startLevel"/>, halving, until r sinks
    /// into rounding noise; the order is the median slope of log r over the last three halvings above the noise. Where
    /// the first remainder is too close to the noise to show an order, the steps widen first, as far as the function's
    /// domain allows. The symmetric part φ(x + t·v) + φ(x − t·v) − 2φ(x), which falls like t² for a smooth function and
    /// like t across a kink, tells the steps that cross a kink: there the answer is "non-differentiable here".
    /// </summary>
    public static TaylorResult Run(
        Prober prober, InputStorage input, double[] snapshot, Perturbation perturbation, double[] gradient, int startLevel, double knownNoise = 0)
    {
        // Twenty times the noise: a remainder above it gives its slope to within ±0.1.
        var floor = 20 * Math.Max(knownNoise, prober.RoundingFloor(prober.BaseMagnitude));
        var start = startLevel;
        while (start > startLevel - MaximumWidening && Evaluate(prober, input, snapshot, perturbation, gradient, start, out _) is { } probe
               && probe.Remainder < 100 * floor && Evaluate(prober, input, snapshot, perturbation, gradient, start - 1, out _) is not null)
            start--;

        var (steps, remainders, symmetric) = (new List<double>(), new List<double>(), new List<double>());
        CheckFaultException? firstFault = null;
        for (var k = start; k < start + MaximumSteps; k++)
        {
            if (Evaluate(prober, input, snapshot, perturbation, gradient, k, out var fault) is not { } at)
            {
                if (fault is null) break;       // the step is below what the input can represent
                firstFault ??= fault;           // out of the domain at this step: smaller steps may be inside it
                continue;
            }

            floor = Math.Max(floor, at.Floor);
            steps.Add(at.T);
            remainders.Add(at.Remainder);
            symmetric.Add(at.Symmetric);
            if (at.Remainder <= floor / 20 && at.Symmetric <= floor / 20 && steps.Count >= 3) break;
        }

        if (steps.Count == 0 && firstFault is not null) throw firstFault;
        if (CrossesKink(symmetric, floor)) return new TaylorResult(steps, remainders, double.NaN) { Verdict = TaylorVerdict.NonDifferentiable };
        return new TaylorResult(steps, remainders, Order(remainders, floor));
    }

    private readonly record struct Point(double T, double Remainder, double Symmetric, double Floor);

    private static Point? Evaluate(Prober prober, InputStorage input, double[] snapshot, Perturbation perturbation, double[] gradient, int k,
        out CheckFaultException? fault)
    {
        fault = null;
        var t = Math.ScaleB(1.0, -k);
        if (perturbation.DisplacementsAt(t, snapshot) is not { } move) return null;
        double plus, minus, magnitudePlus, magnitudeMinus;
        try
        {
            plus = prober.At(input, snapshot, perturbation, move, +1, out magnitudePlus);
            minus = prober.At(input, snapshot, perturbation, move, -1, out magnitudeMinus);
        }
        catch (CheckFaultException caught) when (caught.Fault.Kind is FaultKind.NonFiniteOutput or FaultKind.ForwardThrew)
        {
            fault = caught;
            return null;
        }

        double linear = 0;
        // The plus point's move from x, a shifted centre included: the remainder is of φ(x + that move).
        for (var i = 0; i < move.Displacements.Length; i++) linear += gradient[perturbation.Indices[i]] * move.PlusOffset(i, snapshot[perturbation.Indices[i]]);
        var noise = prober.RoundingFloor(Math.Max(magnitudePlus, magnitudeMinus));
        return new Point(t, Math.Abs(plus - prober.Base - linear), Math.Abs(plus + minus - 2 * prober.Base), 20 * noise);
    }

    private static double Order(List<double> remainders, double floor)
    {
        var slopes = new List<double>();
        for (var k = 0; k + 1 < remainders.Count; k++)
        {
            if (remainders[k + 1] <= floor || remainders[k] <= floor)
            {
                if (slopes.Count > 0) break;
                continue;
            }

            var slope = Math.Log2(remainders[k] / remainders[k + 1]);
            // A remainder that stops falling has reached the noise: the slopes before it are the ones to read.
            if (slope < 0.5)
            {
                if (slopes.Count > 0) break;
                continue;
            }

            slopes.Add(slope);
        }

        if (slopes.Count == 0) return remainders.Count > 0 && remainders[0] <= floor ? double.PositiveInfinity : double.NaN;
        var last = slopes.Skip(Math.Max(0, slopes.Count - 3)).OrderBy(s => s).ToList();
        return last[last.Count / 2];
    }

    // Smooth: the symmetric part falls by 4 per halving (f''·t²); across a kink by 2 (|jump|·t). A kink is a kink only if
    // that holds over the last halvings above the noise.
    private static bool CrossesKink(List<double> symmetric, double floor)
    {
        var ratios = new List<double>();
        for (var k = 0; k + 1 < symmetric.Count; k++)
            if (symmetric[k] > floor && symmetric[k + 1] > floor) ratios.Add(symmetric[k] / symmetric[k + 1]);
        return ratios.Count >= 2 && ratios.Skip(ratios.Count - 2).All(r => r is >= 1.6 and <= 2.6);
    }
}
