namespace GradCheck;

/// <summary>A perturbation direction v over some elements of one input: element Indices[i] moves by t·Steps[i].</summary>
internal sealed class Direction(int[] indices, double[] steps)
{
    public int[] Indices { get; } = indices;

    /// <summary>Each element's own step times a random sign, so the directional quotient needs no further scaling.</summary>
    public double[] Steps { get; } = steps;

    /// <summary>Rademacher signs times each element's step: both signs, so no drift of the gradient cancels out.</summary>
    public static Direction RandomSigns(int[] indices, double[] baseValues, Random random)
    {
        var steps = new double[indices.Length];
        for (var i = 0; i < indices.Length; i++)
        {
            var step = StepSize.For(baseValues[indices[i]]);
            steps[i] = random.Next(2) == 0 ? step : -step;
        }

        return new Direction(indices, steps);
    }

    /// <summary>⟨g, v⟩ for a gradient g laid out like the input.</summary>
    public double Dot(double[] gradient)
    {
        double sum = 0;
        for (var i = 0; i < Indices.Length; i++) sum += gradient[Indices[i]] * Steps[i];
        return sum;
    }

    /// <summary>‖v‖₂: how a per-element absolute tolerance adds up along v.</summary>
    public double Norm()
    {
        double sum = 0;
        foreach (var step in Steps) sum += step * step;
        return Math.Sqrt(sum);
    }
}
