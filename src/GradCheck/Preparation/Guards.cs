namespace GradCheck;

/// <summary>The checks made before any finite difference: a check on unfit functions must fail loudly, never pass.</summary>
internal static class Guards
{
    public static void RequireInputs(IReadOnlyList<CheckInput> inputs)
    {
        if (inputs.Count == 0)
            throw Fault(FaultKind.EmptyInput, "The check has no inputs: add each one with WithInput (or WithConstant).");
        foreach (var input in inputs)
        {
            if (input.Storage().Count == 0) throw Fault(FaultKind.EmptyInput, $"Input '{input.Name}' has no elements.", input.Name);
            RequireFullyMutable(input);
        }

        if (!inputs.Any(i => i.IsDifferentiated))
            throw Fault(FaultKind.EmptyInput, "No input is differentiated: there is no gradient to check.");
    }

    /// <summary>
    /// A diagonal matrix fixes its off-diagonal elements at zero; the check moves every element, which such a storage
    /// cannot hold (MathNet refuses the write). Sparse storage (and every vector storage) can hold any element and is
    /// perturbed through its indexer.
    /// </summary>
    private static void RequireFullyMutable(CheckInput input)
    {
        (bool Mutable, string TypeName) fixes = input.Value switch
        {
            MathNet.Numerics.LinearAlgebra.Matrix<double> m => (m.Storage.IsFullyMutable, m.GetType().Name),
            MathNet.Numerics.LinearAlgebra.Matrix<float> m => (m.Storage.IsFullyMutable, m.GetType().Name),
            _ => (true, ""),
        };
        if (!fixes.Mutable)
            throw Fault(FaultKind.InvalidArgument,
                $"Input '{input.Name}' is a {fixes.TypeName}, whose storage fixes some elements (the off-diagonal zeros); the check moves every " +
                "element. Make the free elements the input (d.Diagonal() as a vector) and build the structured tensor from them in the " +
                "forward pass, or check a dense copy (Matrix<double>.Build.DenseOfMatrix).", input.Name);
    }

    /// <summary>
    /// Two inputs over one storage (the same matrix passed twice, two views of one array) move together: a gradient
    /// counted twice would pass and correct per-input gradients would fail.
    /// </summary>
    public static void RequireUnaliased(IReadOnlyList<InputStorage> storages)
    {
        for (var i = 0; i < storages.Count; i++)
        for (var j = i + 1; j < storages.Count; j++)
        {
            if (!ReferenceEquals(storages[i].Owner, storages[j].Owner)) continue;
            throw Fault(FaultKind.AliasedInputs,
                $"Inputs '{storages[i].Name}' and '{storages[j].Name}' are the same {storages[i].Shape.KindName} (or share its storage): " +
                "moving one moves the other. If the function uses one tensor twice, pass it once (its gradient is the sum over " +
                "both uses); if they are meant to be independent, pass a copy (Clone()).", storages[j].Name);
        }
    }

    /// <summary>A differentiated input must be finite: a NaN there makes every quotient NaN, never a verdict on the gradient.</summary>
    public static void RequireFinite(IReadOnlyList<CheckInput> inputs, IReadOnlyList<InputStorage> storages)
    {
        for (var i = 0; i < inputs.Count; i++)
        {
            if (!inputs[i].IsDifferentiated) continue;
            var storage = storages[i];
            for (var index = 0; index < storage.Count; index++)
            {
                if (double.IsFinite(storage[index])) continue;
                throw Fault(FaultKind.NonFiniteInput,
                    $"Input '{storage.Name}' holds {storage[index]} at element {storage.Shape.ElementLabel(index)}: a differentiated input must be " +
                    "finite (a constant may hold NaN or ∞, as a mask does).", storage.Name);
            }
        }
    }

    /// <summary>
    /// Instances checked in parallel must be alike (same inputs, names and shapes) and must not share a differentiated
    /// input: each is perturbed by its own thread.
    /// </summary>
    public static void RequireIndependentInstances(IReadOnlyList<Differentiable> instances)
    {
        var first = instances[0].Inputs;
        for (var w = 1; w < instances.Count; w++)
        {
            var other = instances[w].Inputs;
            if (other.Count != first.Count)
                throw Fault(FaultKind.InvalidArgument,
                    $"The factory built Differentiables with {first.Count} and {other.Count} inputs: each call must build the same layer.");
            for (var i = 0; i < first.Count; i++)
            {
                var (a, b) = (first[i], other[i]);
                if (a.Name != b.Name || a.IsDifferentiated != b.IsDifferentiated || a.Storage().Shape != b.Storage().Shape)
                    throw Fault(FaultKind.InvalidArgument,
                        $"The factory built different inputs at position {i} ('{a.Name}' {a.Storage().Shape}, then '{b.Name}' {b.Storage().Shape}): " +
                        "each call must build the same function.", a.Name);
                if (a.IsDifferentiated && ReferenceEquals(a.Value, b.Value))
                    throw Fault(FaultKind.InvalidArgument,
                        $"The factory returned input '{a.Name}' itself twice: build each Differentiable over its own copies (Clone()) " +
                        "so they can be perturbed in parallel.", a.Name);
            }
        }
    }

    /// <summary>The forward passes <see cref="CheckForward"/> runs.</summary>
    public const int ForwardEvaluations = 2;

    /// <summary>
    /// Runs the forward pass twice at the unperturbed inputs: it must not throw, write to its inputs, produce NaN, or vary
    /// by more than <paramref name="tolerance"/> times the output's largest magnitude (0: not at all).
    /// </summary>
    /// <returns>The output's largest magnitude, the scale of the tolerance, and the second evaluation's outputs.</returns>
    public static (double Scale, double[] Output) CheckForward(ProjectedObjective function, IReadOnlyList<InputStorage> storages,
        IReadOnlyList<double[]> snapshots, double tolerance)
    {
        var first = Run(function, "at the unperturbed inputs");
        RequireUnchanged(storages, snapshots, FaultKind.ForwardMutatesInput, "forward");
        if (first.Length == 0)
            throw Fault(FaultKind.EmptyOutput,
                "The forward pass returned outputs without elements: there is nothing to compare.");
        var scale = 0.0;
        for (var i = 0; i < first.Length; i++)
        {
            if (!double.IsFinite(first[i]))
                throw Fault(FaultKind.NonFiniteOutput,
                    $"The forward pass produced {first[i]} at output element {OutputElementLabel(function, i)} at the unperturbed inputs.");
            scale = Math.Max(scale, Math.Abs(first[i]));
        }

        var second = Run(function, "when evaluated a second time at the same inputs");
        for (var i = 0; i < first.Length; i++)
        {
            if (tolerance == 0 ? BitConverter.DoubleToInt64Bits(first[i]) == BitConverter.DoubleToInt64Bits(second[i])
                    : Math.Abs(first[i] - second[i]) <= tolerance * scale)
                continue;
            throw Fault(FaultKind.NonDeterministicForward,
                $"The forward pass is not deterministic: two evaluations at the same inputs differ at output element " +
                $"{OutputElementLabel(function, i)} ({first[i]:G17} then {second[i]:G17}). " + NondeterminismAdvice(tolerance, scale));
        }

        return (scale, second);
    }

    /// <summary>What to do about a forward pass that varies: fix its randomness, or allow a spread it stays within.</summary>
    public static string NondeterminismAdvice(double tolerance, double scale) => tolerance == 0
        ? "Fix its random state (dropout, sampling) for the check; if it is reproducible only to rounding (a parallel reduction), " +
          "set NondeterminismTolerance to the relative spread it may have."
        : $"That is more than NondeterminismTolerance ({tolerance:G3}) times the output's largest magnitude ({scale:G3}).";

    /// <summary>An input changed by a pass is put back, then reported.</summary>
    public static void RequireUnchanged(IReadOnlyList<InputStorage> storages, IReadOnlyList<double[]> snapshots, FaultKind kind, string pass)
    {
        for (var i = 0; i < storages.Count; i++)
        {
            var index = storages[i].FirstDifference(snapshots[i]);
            if (index < 0) continue;
            var changed = storages[i][index];
            storages[i].Restore(snapshots[i]);
            throw Fault(kind,
                $"The {pass} pass changed input '{storages[i].Name}' element {storages[i].Shape.ElementLabel(index)} from " +
                $"{snapshots[i][index]:G17} to {changed:G17}; it must not write to its inputs (work on a copy).", storages[i].Name);
        }
    }

    public static CheckFaultException Fault(FaultKind kind, string message, string? input = null, Exception? exception = null) =>
        new(new CheckFault(kind, message, input, exception));

    private static double[] Run(ProjectedObjective function, string when)
    {
        try
        {
            return function.EvaluateOutput();
        }
        catch (CheckFaultException)
        {
            throw;
        }
        catch (Exception exception)
        {
            throw Fault(FaultKind.ForwardThrew,
                $"The forward pass threw {exception.GetType().Name} {when}: {exception.Message}", null, exception);
        }
    }

    private static string OutputElementLabel(ProjectedObjective function, int index) => function.ElementLabel(index);
}
