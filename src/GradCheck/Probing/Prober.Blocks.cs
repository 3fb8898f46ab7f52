namespace GradCheck;

/// <summary>Evaluations a compressed full check needs: φ summed per output block, and the output itself for verification.</summary>
internal sealed partial class Prober
{
    private readonly Dictionary<BlockAxis, double[]> baseBlocks = [];
    private double[]? baseOutput;

    /// <summary>The block output's shape (<see cref="ProjectedObjective.BlockOutputShape"/>).</summary>
    public TensorShape? BlockOutputShape => objective.BlockOutputShape;

    /// <summary>φ's terms summed per block at the unperturbed inputs, evaluated once per axis.</summary>
    public double[] BaseBlocks(BlockLayout layout)
    {
        if (baseBlocks.TryGetValue(layout.Axis, out var known)) return known;
        var sums = new double[layout.Count];
        Evaluate(() => objective.ProjectBlocks(layout, sums, out _), null, null);
        baseBlocks[layout.Axis] = sums;
        return sums;
    }

    /// <summary>
    /// φ's terms summed per block into <paramref name="blockSums"/> with the elements moved to centre + sign·d; the
    /// input is restored before returning. Returns Σ|uᵢFᵢ|.
    /// </summary>
    public double BlocksAt(InputStorage input, double[] snapshot, int[] indices, Move move, double sign, BlockLayout layout, double[] blockSums) =>
        Perturbed(input, snapshot, indices, move, sign, () =>
        {
            objective.ProjectBlocks(layout, blockSums, out var magnitude);
            return magnitude;
        });

    /// <summary>The differentiated outputs' elements at the unperturbed inputs, evaluated once.</summary>
    public double[] BaseOutput() => baseOutput ??= Evaluate(objective.EvaluateOutput, null, null);

    /// <summary>The differentiated outputs' elements with the elements moved to centre + sign·d; the input is restored before returning.</summary>
    public double[] OutputAt(InputStorage input, double[] snapshot, int[] indices, Move move, double sign) =>
        Perturbed(input, snapshot, indices, move, sign, objective.EvaluateOutput);
}
