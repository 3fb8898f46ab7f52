namespace GradCheck;

/// <summary>The joint probe's evaluations: several inputs moved at once, restored bit for bit whatever happens.</summary>
internal sealed partial class Prober
{
    /// <summary>
    /// φ with every part's elements moved by sign·displacements at once; every input is restored before returning. A fault
    /// is narrowed down to the input (and the element) whose move alone reproduces it, else it names every moved input.
    /// </summary>
    public double AtJoint(IReadOnlyList<LadderPart> parts, Move[] moves, double sign, out double magnitude)
    {
        try
        {
            return Together(parts, moves, sign, out magnitude);
        }
        catch (CheckFaultException fault) when (fault.Fault.Kind is FaultKind.ForwardThrew or FaultKind.NonFiniteOutput or FaultKind.OutputShapeChanged)
        {
            throw Alone(parts, moves, sign, fault.Fault.Kind) ?? fault;
        }
    }

    /// <summary>The fault one part's move reproduces alone (narrowed to its element where one does), or null.</summary>
    private CheckFaultException? Alone(IReadOnlyList<LadderPart> parts, Move[] moves, double sign, FaultKind kind)
    {
        for (var p = 0; p < parts.Count; p++)
        {
            try
            {
                At(parts[p].Input, parts[p].Snapshot, parts[p].Perturbation, moves[p], sign, out _);
            }
            catch (CheckFaultException alone) when (alone.Fault.Kind == kind)
            {
                return alone;
            }
        }

        return null;
    }

    private double Together(IReadOnlyList<LadderPart> parts, Move[] moves, double sign, out double magnitude)
    {
        try
        {
            for (var p = 0; p < parts.Count; p++) parts[p].Input.Write(parts[p].Perturbation.Indices, moves[p], sign);

            var value = EvaluateJoint(parts, out magnitude);
            for (var p = 0; p < parts.Count; p++)
                RequireStillPerturbed(parts[p].Input, parts[p].Perturbation.Indices, moves[p], sign);
            return value;
        }
        finally
        {
            foreach (var part in parts) part.Input.Restore(part.Perturbation.Indices, part.Snapshot);
        }
    }

    /// <summary>One evaluation, its faults placed at the joint move (no single input is to blame yet).</summary>
    private double EvaluateJoint(IReadOnlyList<LadderPart> parts, out double magnitude)
    {
        Evaluations++;
        string Where() => $"while inputs {string.Join(", ", parts.Select(p => $"'{p.Input.Name}'"))} were moved together along a joint probe direction";
        try
        {
            return objective.Project(out magnitude);
        }
        catch (CheckFaultException fault) when (fault.Fault.InputName is null)
        {
            throw new CheckFaultException(fault.Fault with { Message = WithPlace(fault.Fault.Message, Where()) });
        }
        catch (CheckFaultException)
        {
            throw;
        }
        catch (Exception exception)
        {
            throw new CheckFaultException(new CheckFault(FaultKind.ForwardThrew,
                $"The forward pass threw {exception.GetType().Name} {Where()}: {exception.Message}", null, exception));
        }
    }
}
