namespace GradCheck;

/// <summary>
/// Checks one differentiated input against its analytic gradient: element by element, or along directions, each probe
/// decided on its own step ladder (<see cref="ProbeJudge"/>). Element results are kept in one array laid out like the
/// input, allocated when the first element is checked (a passing default check of 10⁶ elements checks none).
/// </summary>
internal sealed class InputChecker
{
    private readonly Prober prober;
    private readonly CheckOptions options;
    private ElementRecord[]? records;
    private readonly double[] baseSteps;
    private readonly double largestGradient;

    public InputChecker(InputStorage storage, double[] snapshot, double[] gradient, Prober prober, CheckOptions options)
    {
        Storage = storage;
        Snapshot = snapshot;
        Gradient = gradient;
        this.prober = prober;
        this.options = options;
        baseSteps = StepSize.For(snapshot, gradient, prober.BaseMagnitude, storage.Precision, prober.EffectiveEpsilon);
        foreach (var g in gradient) largestGradient = Math.Max(largestGradient, Math.Abs(g));
    }

    public InputStorage Storage { get; }

    public double[] Snapshot { get; }

    /// <summary>The analytic gradient, laid out like the input (column-major).</summary>
    public double[] Gradient { get; }

    public TensorShape Shape => Storage.Shape;

    /// <summary>The output whose blocks a full check may read apart (<see cref="ProjectedObjective.BlockOutputShape"/>).</summary>
    public TensorShape? BlockOutputShape => prober.BlockOutputShape;

    /// <summary>
    /// The ladder level every probe of this input starts at: 0 (the base steps) until <see cref="Calibrate"/> finds that
    /// the function varies on a smaller scale than the base steps assume.
    /// </summary>
    public int FirstLevel { get; private set; }

    /// <summary>The largest relative error bar of the probes decided so far: errors above it would have shown.</summary>
    public double Resolution { get; private set; }

    private ElementRecord[] Records => records ??= new ElementRecord[Storage.Count];

    public bool IsChecked(int index) => records is { } known && known[index].Checked;

    public Verdict VerdictAt(int index) => Records[index].Verdict;

    public double ToleranceAt(int index) => Records[index].Tolerance;

    /// <summary>
    /// Probes a random direction over the whole input and starts every later probe at the level that decided it, so
    /// an input whose function varies on a scale far below its values (a spread around a large offset) pays for
    /// finding that scale once. Deterministic in <paramref name="random"/>, so parallel workers agree.
    /// </summary>
    public ProbeResult Calibrate(Random random)
    {
        var result = Probe(RandomDirection(AllIndices(), random));
        if (!result.FirstLook && !result.AtKink && result.Resolved) FirstLevel = Math.Max(0, result.Level);
        return result;
    }

    /// <summary>Checks one element on its ladder. Checked once only.</summary>
    public Verdict CheckElement(int index) => IsChecked(index) ? Records[index].Verdict : CheckElementFrom(index, FirstLevel);

    /// <summary>
    /// Checks an element again on a ladder starting <paramref name="finer"/> levels below the input's first level (wider
    /// steps when negative): after a confirmation that disagrees, other steps must agree before anything is reported.
    /// </summary>
    public Verdict Recheck(int index, int finer) => CheckElementFrom(index, FirstLevel + finer);

    /// <summary>Whether an element's decision was taken at a kink (one-sided slopes), where no Taylor test applies.</summary>
    public bool IsAtKink(int index) => IsChecked(index) && Records[index].AtKink;

    private Verdict CheckElementFrom(int index, int firstLevel, ElementGroup? group = null, Perturbation? perturbation = null)
    {
        var step = baseSteps[index];
        var result = Decide(perturbation ?? Perturbation.Element(index, step, Storage.Precision), firstLevel, group).Scaled(step);
        Records[index] = new ElementRecord(true, result.Numeric, result.Tolerance, result.Verdict, result.Level, result.Noise, result.AtKink);
        return result.Verdict;
    }

    public void CheckAllElements() => CheckShare(0, ShareCount);

    /// <summary>The units a full check shares out between workers: groups when compressed, elements otherwise.</summary>
    public int ShareCount => compression is { } c ? c.Layout.GroupCount(Shape) : Storage.Count;

    /// <summary>Checks the units [start, end) of <see cref="ShareCount"/>.</summary>
    public void CheckShare(int start, int end)
    {
        if (compression is null) CheckRange(start, end);
        else for (var group = start; group < end; group++) CheckGroup(group);
    }

    private (BlockLayout Layout, int WidestLevel, int[][] Groups)? compression;

    /// <summary>The axis whose blocks the groups were read apart along; null when elements are checked one at a time.</summary>
    public BlockAxis? CompressedAlong => compression?.Layout.Axis;

    /// <summary>
    /// From now on a full check moves each group of <paramref name="layout"/> at once (a layout <see cref="VerifyBlocks"/>
    /// confirmed down to <paramref name="widestLevel"/>).
    /// </summary>
    public void Compress(BlockLayout layout, int widestLevel)
    {
        var groups = new List<int>[layout.GroupCount(Shape)];
        for (var g = 0; g < groups.Length; g++) groups[g] = [];
        for (var index = 0; index < Storage.Count; index++) groups[layout.GroupOf(Shape, index)].Add(index);
        compression = (layout, widestLevel, groups.Select(g => g.ToArray()).ToArray());
    }

    private void CheckGroup(int g)
    {
        var (layout, widest, groups) = compression!.Value;
        var members = groups[g];
        var perturbations = members.Select(index => Perturbation.Element(index, baseSteps[index], Storage.Precision)).ToArray();
        var group = new ElementGroup(prober, Storage, Snapshot, layout, members, perturbations, widest);
        for (var m = 0; m < members.Length; m++)
            if (!IsChecked(members[m])) CheckElementFrom(members[m], FirstLevel, group, perturbations[m]);
    }

    /// <summary>
    /// Whether every block of this input reaches only its own output block under <paramref name="layout"/>, tested rather than
    /// assumed: for each bit b of the block number, the elements of the blocks with bit b set (then clear) move at once by
    /// random signed displacements at their element steps, and every output element outside those blocks must stay bit for
    /// bit what it was; 2⌈log₂ B⌉ evaluations separate every pair of blocks. The moves are three levels wider than the first
    /// (a coupling that shows on small moves shows on wider ones too; the rare ladder that looks wider still evaluates those
    /// levels one element at a time), or at the first level when the wider moves leave the function's domain. Returns the
    /// widest level verified, or null.
    /// </summary>
    public int? VerifyBlocks(BlockLayout layout, Random random)
    {
        foreach (var wider in (ReadOnlySpan<int>)[VerifiedWiderLevels, 0])
        {
            try
            {
                return KeepsToBlocks(layout, FirstLevel - wider, random) ? FirstLevel - wider : null;
            }
            catch (CheckFaultException)
            {
                // Out of the domain or otherwise faulty: narrower moves, then one element at a time, where a fault is reported as usual.
            }
        }

        return null;
    }

    /// <summary>How many levels wider than the first a verified layout serves (wider levels are evaluated one element at a time).</summary>
    private const int VerifiedWiderLevels = 3;

    private bool KeepsToBlocks(BlockLayout layout, int level, Random random)
    {
        var unperturbed = prober.BaseOutput();
        var bits = 32 - int.LeadingZeroCount(layout.Count - 1);
        for (var bit = 0; bit < bits; bit++)
        foreach (var side in (ReadOnlySpan<int>)[1, 0])
        {
            bool Moved(int block) => ((block >> bit) & 1) == side;
            var indices = AllIndices().Where(i => Moved(layout.InputBlock(Shape, i))).ToArray();
            if (indices.Length == 0) continue;
            var direction = RandomDirection(indices, random);
            if (direction.DisplacementsAt(Math.ScaleB(1.0, -direction.UsableLevel(level, Snapshot)), Snapshot) is not { } move) return false;
            var output = prober.OutputAt(Storage, Snapshot, indices, move, +1);
            for (var o = 0; o < output.Length; o++)
                if (!Moved(layout.OutputBlock(o)) && BitConverter.DoubleToInt64Bits(output[o]) != BitConverter.DoubleToInt64Bits(unperturbed[o]))
                    return false;
        }

        return true;
    }

    public void CheckRange(int start, int end)
    {
        for (var index = start; index < end; index++) CheckElement(index);
    }

    /// <summary>Takes over the results another checker (on another copy of the same input) found for [start, end).</summary>
    public void Adopt(InputChecker other, int start, int end)
    {
        for (var index = start; index < end; index++)
        {
            if (other.IsChecked(index)) Records[index] = other.Records[index];
        }

        Resolution = Math.Max(Resolution, other.Resolution);
    }

    /// <summary>Compares ⟨g, v⟩ with the directional quotient along <paramref name="perturbation"/>.</summary>
    public ProbeResult Probe(Perturbation perturbation) => Decide(perturbation, FirstLevel);

    public Perturbation RandomDirection(int[] indices, Random random) => Perturbation.Random(indices, baseSteps, random, Storage.Precision);

    public Perturbation AlignedDirection(int[] indices, Random random) =>
        Perturbation.Aligned(indices, baseSteps, Gradient, random, Storage.Precision);

    public Perturbation PositiveDirection(int[] indices, Random random) => Perturbation.AllPositive(indices, baseSteps, random, Storage.Precision);

    /// <summary>Every element's index, in order (one array per checker: directions only read it).</summary>
    public int[] AllIndices() => allIndices ??= Enumerable.Range(0, Storage.Count).ToArray();

    private int[]? allIndices;

    /// <summary>
    /// This input's part of a joint probe: a random signed direction over all its elements, its base steps times
    /// <paramref name="scale"/> (so that the inputs' shares of ⟨g, v⟩ come out alike).
    /// </summary>
    public LadderPart JointPart(double scale, Random random) =>
        new(Storage, Snapshot, Gradient, Perturbation.Random(AllIndices(), baseSteps, random, Storage.Precision, scale));

    /// <summary>Σ|gᵢ|·hᵢ over the base steps hᵢ: the size of this input's share of ⟨g, v⟩ along a direction of unit magnitudes.</summary>
    public double StepWeightedGradient()
    {
        double sum = 0;
        for (var i = 0; i < baseSteps.Length; i++) sum += Math.Abs(Gradient[i]) * baseSteps[i];
        return sum;
    }

    public ElementResult ResultAt(int index)
    {
        var (row, column) = Shape.Position(index);
        var record = Records[index];
        return new ElementResult(Storage.Name, index, row, column, Gradient[index], record.Numeric,
            Math.Abs(Gradient[index] - record.Numeric), record.Tolerance, record.Verdict);
    }

    /// <summary>The checked elements, as reports see them.</summary>
    public IEnumerable<ElementResult> CheckedElements()
    {
        if (records is null) yield break;
        for (var index = 0; index < records.Length; index++)
            if (records[index].Checked) yield return ResultAt(index);
    }

    /// <summary>
    /// The Taylor-remainder test along one element, over steps no wider than those its check used (a step wider than
    /// that may leave the function's domain) and down to where rounding hides the remainder.
    /// </summary>
    public TaylorResult ConfirmAt(int index) =>
        TaylorTest.Run(prober, Storage, Snapshot, Perturbation.Element(index, baseSteps[index], Storage.Precision), Gradient, Records[index].Level - 1,
            Records[index].Noise);

    private ProbeResult Decide(Perturbation perturbation, int firstLevel, ElementGroup? group = null)
    {
        var usable = perturbation.UsableLevel(firstLevel, Snapshot);
        // An element's bar below a hundred-thousandth of the input's largest derivative needs no wider steps: no error
        // of the input worth reporting hides under it.
        var enough = perturbation.IsElement ? 1e-5 * largestGradient * Math.Abs(perturbation.Steps[0]) : 0;
        var ladder = group is null ? new StepLadder(prober, Storage, Snapshot, Gradient, perturbation, usable)
            : new StepLadder(prober, new LadderPart(Storage, Snapshot, Gradient, perturbation), group, usable);
        var result = ProbeJudge.Decide(ladder, options, enough);
        if (result is { AtKink: true, Verdict: Verdict.Failed } && perturbation.MixesSigns) result = result with { Verdict = Verdict.NonDifferentiable };
        if (!result.AtKink) Resolution = Math.Max(Resolution, result.Tolerance / Math.Max(Math.Max(result.Error, Typical(perturbation)), double.Epsilon));
        return result;
    }

    // The size of ⟨g, v⟩ without cancellation, Σ|gᵢvᵢ| (for a zero gradient element, the input's largest gradient instead):
    // what a probe's error bar is measured against, so near-zero derivatives do not make the resolution meaningless.
    private double Typical(Perturbation perturbation)
    {
        double sum = 0;
        for (var i = 0; i < perturbation.Indices.Length; i++)
            sum += Math.Max(Math.Abs(Gradient[perturbation.Indices[i]]), perturbation.IsElement ? largestGradient : 0) * Math.Abs(perturbation.Steps[i]);
        return sum;
    }
}
