namespace GradCheck;

/// <summary>
/// Evaluates the objective at perturbed inputs. Every perturbation is undone in a finally block by writing back the
/// saved values, so the inputs are restored bit for bit whatever the user's code does; faults name the perturbed input.
/// </summary>
internal sealed partial class Prober(ProjectedObjective objective)
{
    public int Evaluations { get; private set; }

    /// <summary>φ at the unperturbed inputs.</summary>
    public double Base { get; private set; }

    /// <summary>Σ|uᵢ·Fᵢ| at the unperturbed inputs.</summary>
    public double BaseMagnitude { get; private set; }

    /// <summary>The rows and columns of every output.</summary>
    public IEnumerable<int> OutputSizes => objective.OutputSizes;

    /// <summary>The spacing of the output's numbers at 1: the unit of the objective's rounding error.</summary>
    public double OutputEpsilon => objective.OutputEpsilon;

    /// <summary>
    /// The rounding error an evaluation of φ may carry at least, for terms Σ|uᵢFᵢ| = <paramref name="magnitude"/>: twice
    /// ε times it, four times the worst case of rounding each output once. Measured noise replaces it where larger.
    /// </summary>
    public double RoundingFloor(double magnitude) => Math.Max(FloorInEpsilons * OutputEpsilon * magnitude, NondeterminismSpread);

    private const double FloorInEpsilons = 2;

    /// <summary>The relative error of one evaluation: ε of the output, or the measured spread where that is larger.</summary>
    public double EffectiveEpsilon => BaseMagnitude > 0 ? Math.Max(OutputEpsilon, NondeterminismSpread / BaseMagnitude) : OutputEpsilon;

    /// <summary>
    /// Twice the spread of φ measured over repeated evaluations at the unperturbed inputs (0 for a deterministic forward
    /// pass): every evaluation may carry that much error, whatever its magnitude.
    /// </summary>
    public double NondeterminismSpread { get; private set; }

    /// <summary>How far φ may move between evaluations at the same inputs (0: not at all).</summary>
    private double allowedSpread;

    private (double Tolerance, double Scale) nondeterminism;

    /// <summary>
    /// φ at the unperturbed inputs from the outputs the guards evaluated there (<see cref="ProjectedObjective.ProjectOutput"/>):
    /// the forward pass was just found to repeat itself, so evaluating it again would only cost time. The guards'
    /// evaluations count among the check's (<see cref="Evaluations"/> is every forward pass the check ran).
    /// </summary>
    public void SetBase(double[] baseOutput, int guardEvaluations)
    {
        Base = objective.ProjectOutput(baseOutput, out var magnitude);
        BaseMagnitude = magnitude;
        Evaluations += guardEvaluations;
    }

    /// <summary>
    /// For a forward pass reproducible only to rounding: evaluates φ twice more at the unperturbed inputs and folds the
    /// spread of the three values into <see cref="NondeterminismSpread"/>; a spread beyond <paramref name="tolerance"/>
    /// times <paramref name="outputScale"/> (per output element) is a fault.
    /// </summary>
    public void MeasureNondeterminism(double tolerance, double outputScale)
    {
        if (tolerance == 0) return;
        nondeterminism = (tolerance, outputScale);
        allowedSpread = tolerance * outputScale * objective.UpstreamNorm1;
        var (low, high) = (Base, Base);
        for (var repeat = 0; repeat < 2; repeat++)
        {
            var again = Evaluate(out _, null, null);
            RequireWithinSpread(again);
            (low, high) = (Math.Min(low, again), Math.Max(high, again));
        }

        NondeterminismSpread = 2 * (high - low);
    }

    /// <summary>
    /// φ(x + sign·d) over the perturbation's elements; the input is restored before returning. A fault along a
    /// direction is narrowed down to the one element whose move alone reproduces it, so the report can name it.
    /// </summary>
    public double At(InputStorage input, double[] snapshot, Perturbation perturbation, Move move, double sign, out double magnitude)
    {
        try
        {
            return At(input, snapshot, perturbation.Indices, move, sign, out magnitude);
        }
        catch (CheckFaultException fault) when (!perturbation.IsElement
                                                && fault.Fault.Kind is FaultKind.ForwardThrew or FaultKind.NonFiniteOutput or FaultKind.OutputShapeChanged)
        {
            throw Narrow(input, snapshot, perturbation.Indices, move, sign) ?? fault;
        }
    }

    private double At(InputStorage input, double[] snapshot, int[] indices, Move move, double sign, out double magnitude)
    {
        var (value, m) = Perturbed(input, snapshot, indices, move, sign, () => (objective.Project(out var mag), mag));
        magnitude = m;
        return value;
    }

    /// <summary>
    /// <paramref name="evaluate"/> (one forward pass) with the elements moved to centre + sign·d; the input is restored in
    /// a finally block, bit for bit, whatever the forward pass does.
    /// </summary>
    private T Perturbed<T>(InputStorage input, double[] snapshot, int[] indices, Move move, double sign, Func<T> evaluate)
    {
        try
        {
            input.Write(indices, move, sign);
            var value = Evaluate(evaluate, input, indices.Length == 1 ? indices[0] : null);
            RequireStillPerturbed(input, indices, move, sign);
            return value;
        }
        finally
        {
            input.Restore(indices, snapshot);
        }
    }

    /// <summary>
    /// The moved elements must still hold what was written: a forward pass that writes to its input only away from the
    /// unperturbed point (clamping, normalising in place) is caught here, before the restore would hide it.
    /// </summary>
    private static void RequireStillPerturbed(InputStorage input, int[] indices, Move move, double sign)
    {
        if (input.FirstNotHolding(indices, move, sign) is not (>= 0 and var i)) return;
        var written = move.Centres[i] + sign * move.Displacements[i];
        throw new CheckFaultException(new CheckFault(FaultKind.ForwardMutatesInput,
            $"The forward pass changed input '{input.Name}' element {input.Shape.ElementLabel(indices[i])} while it was perturbed to " +
            $"{written:G17} (it read back {input[indices[i]]:G17}); it must not write to its inputs (work on a copy).", input.Name));
    }

    /// <summary>
    /// φ at the unperturbed inputs once more, after the probes: it must give what it gave at first, bit for bit (a forward
    /// pass whose randomness starts after the first calls would otherwise make every quotient noise).
    /// </summary>
    public void RequireBaseUnchanged() => RequireWithinSpread(Evaluate(out _, null, null));

    private void RequireWithinSpread(double again)
    {
        if (allowedSpread == 0 ? BitConverter.DoubleToInt64Bits(again) == BitConverter.DoubleToInt64Bits(Base)
                : Math.Abs(again - Base) <= allowedSpread)
            return;
        throw new CheckFaultException(new CheckFault(FaultKind.NonDeterministicForward,
            $"The forward pass is not deterministic: at the unperturbed inputs its projected output was {Base:G17} at first and " +
            $"{again:G17} after {Evaluations - 1} evaluations. " + Guards.NondeterminismAdvice(nondeterminism.Tolerance, nondeterminism.Scale)));
    }

    /// <summary>Bisects the moved elements for one whose move alone faults; null when the fault needs several together.</summary>
    private CheckFaultException? Narrow(InputStorage input, double[] snapshot, int[] indices, Move move, double sign)
    {
        var (current, moves) = (indices, move);
        while (current.Length > 1)
        {
            var half = current.Length / 2;
            CheckFaultException? found = null;
            foreach (var (part, partMoves) in new[] { (current[..half], moves.Slice(0, half)), (current[half..], moves.Slice(half, current.Length)) })
            {
                try
                {
                    At(input, snapshot, part, partMoves, sign, out _);
                }
                catch (CheckFaultException fault)
                {
                    found = fault;
                    (current, moves) = (part, partMoves);
                    break;
                }
            }

            if (found is null) return null;
            if (current.Length == 1) return found;
        }

        return null;
    }

    private double Evaluate(out double magnitude, InputStorage? input, int? element)
    {
        var (value, m) = Evaluate(() => (objective.Project(out var mag), mag), input, element);
        magnitude = m;
        return value;
    }

    private T Evaluate<T>(Func<T> evaluate, InputStorage? input, int? element)
    {
        Evaluations++;
        T value;
        try
        {
            value = evaluate();
        }
        catch (CheckFaultException fault) when (fault.Fault.InputName is null && input is not null)
        {
            // A fault of the output (its shape, a NaN, null) at a perturbed point: it is known which input was moved.
            throw new CheckFaultException(fault.Fault with { Message = WithPlace(fault.Fault.Message, Where(input, element)), InputName = input.Name });
        }
        catch (CheckFaultException)
        {
            throw;
        }
        catch (Exception exception)
        {
            throw new CheckFaultException(new CheckFault(FaultKind.ForwardThrew,
                $"The forward pass threw {exception.GetType().Name} {Where(input, element)}: {exception.Message}", input?.Name, exception));
        }

        return value;
    }

    /// <summary>"What happened. Advice." becomes "What happened where. Advice.".</summary>
    private static string WithPlace(string message, string where)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? $"{message.TrimEnd('.')} {where}." : $"{message[..end]} {where}.{message[(end + 1)..]}";
    }

    private static string Where(InputStorage? input, int? element)
    {
        if (input is null) return "at the unperturbed inputs";
        if (element is not { } index) return $"while input '{input.Name}' was moved along a probe direction";
        return $"while input '{input.Name}' element {input.Shape.ElementLabel(index)} was perturbed to {input[index]:G17}";
    }
}
