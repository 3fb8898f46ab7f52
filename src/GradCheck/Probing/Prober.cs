namespace GradCheck;

/// <summary>
/// Evaluates the objective at perturbed inputs. Every perturbation is undone in a finally block by writing back the
/// saved value, so the inputs are restored bit for bit whatever the user's code does; faults name the perturbed element.
/// </summary>
internal sealed class Prober(ProjectedObjective function)
{
    public int Evaluations { get; private set; }

    /// <summary>φ at the unperturbed inputs.</summary>
    public double Base { get; private set; }

    /// <summary>Σ|uᵢ·Fᵢ| at the unperturbed inputs.</summary>
    public double BaseMagnitude { get; private set; }

    public void EvaluateBase()
    {
        Base = Evaluate(out var magnitude, null, -1, 0);
        BaseMagnitude = magnitude;
    }

    /// <summary>The stencil along one element; the ±2 points only when <paramref name="wide"/>.</summary>
    public FivePointStencil Element(InputStorage input, int index, bool wide)
    {
        var original = input[index];
        var step = StepSize.For(original);
        double magnitude = BaseMagnitude, m;
        try
        {
            input[index] = original + step;
            var plusOne = Evaluate(out m, input, index, step); magnitude = Math.Max(magnitude, m);
            input[index] = original - step;
            var minusOne = Evaluate(out m, input, index, -step); magnitude = Math.Max(magnitude, m);
            double plusTwo = double.NaN, minusTwo = double.NaN;
            if (wide)
            {
                input[index] = original + 2 * step;
                plusTwo = Evaluate(out m, input, index, 2 * step); magnitude = Math.Max(magnitude, m);
                input[index] = original - 2 * step;
                minusTwo = Evaluate(out m, input, index, -2 * step); magnitude = Math.Max(magnitude, m);
            }

            return new FivePointStencil(minusTwo, minusOne, Base, plusOne, plusTwo, step, magnitude);
        }
        finally
        {
            input[index] = original;
        }
    }

    /// <summary>Widens a first-look element stencil with its ±2 points.</summary>
    public FivePointStencil Widen(InputStorage input, int index, FivePointStencil nearOnly)
    {
        var original = input[index];
        var step = nearOnly.Step;
        double magnitude = nearOnly.Magnitude, m;
        try
        {
            input[index] = original + 2 * step;
            var plusTwo = Evaluate(out m, input, index, 2 * step); magnitude = Math.Max(magnitude, m);
            input[index] = original - 2 * step;
            var minusTwo = Evaluate(out m, input, index, -2 * step); magnitude = Math.Max(magnitude, m);
            return nearOnly with { PlusTwo = plusTwo, MinusTwo = minusTwo, Magnitude = magnitude };
        }
        finally
        {
            input[index] = original;
        }
    }

    /// <summary>The full five-point stencil along a direction (step 1: the direction already holds the steps).</summary>
    public FivePointStencil Along(InputStorage input, double[] snapshot, Direction direction)
    {
        double magnitude = BaseMagnitude, m;
        try
        {
            Move(input, snapshot, direction, 1);
            var plusOne = Evaluate(out m, input, -1, 1); magnitude = Math.Max(magnitude, m);
            Move(input, snapshot, direction, -1);
            var minusOne = Evaluate(out m, input, -1, -1); magnitude = Math.Max(magnitude, m);
            Move(input, snapshot, direction, 2);
            var plusTwo = Evaluate(out m, input, -1, 2); magnitude = Math.Max(magnitude, m);
            Move(input, snapshot, direction, -2);
            var minusTwo = Evaluate(out m, input, -1, -2); magnitude = Math.Max(magnitude, m);
            return new FivePointStencil(minusTwo, minusOne, Base, plusOne, plusTwo, 1.0, magnitude);
        }
        finally
        {
            foreach (var index in direction.Indices) input[index] = snapshot[index];
        }
    }

    /// <summary>φ(x + t·v) for the Taylor test; the input is restored before returning.</summary>
    public double At(InputStorage input, double[] snapshot, Direction direction, double t)
    {
        try
        {
            Move(input, snapshot, direction, t);
            return Evaluate(out _, input, -1, t);
        }
        finally
        {
            foreach (var index in direction.Indices) input[index] = snapshot[index];
        }
    }

    private static void Move(InputStorage input, double[] snapshot, Direction direction, double t)
    {
        var indices = direction.Indices;
        var steps = direction.Steps;
        for (var i = 0; i < indices.Length; i++) input[indices[i]] = snapshot[indices[i]] + t * steps[i];
    }

    private double Evaluate(out double magnitude, InputStorage? input, int index, double step)
    {
        Evaluations++;
        double value;
        try
        {
            value = function.Project(out magnitude);
        }
        catch (CheckFaultException)
        {
            throw;
        }
        catch (Exception exception)
        {
            throw new CheckFaultException(new CheckFault(FaultKind.ForwardThrew,
                $"The forward pass threw {exception.GetType().Name} {Where(input, index, step)}: {exception.Message}",
                input?.Name, exception));
        }

        if (!double.IsFinite(value) || !double.IsFinite(magnitude))
        {
            throw new CheckFaultException(new CheckFault(FaultKind.NonFiniteOutput,
                $"The forward pass produced {(double.IsNaN(value) ? "NaN" : "an infinite value")} {Where(input, index, step)}. " +
                "Keep inputs inside the function's domain (for example positive arguments of log or sqrt).",
                input?.Name));
        }

        return value;
    }

    private static string Where(InputStorage? input, int index, double step)
    {
        if (input is null) return "at the unperturbed inputs";
        if (index < 0) return $"while input '{input.Name}' was moved along a probe direction (t = {step:G3})";
        return $"while input '{input.Name}' element {input.Shape.ElementLabel(index)} was perturbed by {step:+0.###e+0;-0.###e+0} to {input[index]:G17}";
    }
}
