namespace GradCheck;

/// <summary>
/// Elements of one input that reach different output blocks (verified by <see cref="InputChecker.VerifyBlocks"/>), moved
/// together: one pair of forward passes per level serves every member, each reading φ summed over its own block, which
/// no other member's move reaches (Curtis–Powell–Reid compression). Levels are evaluated on demand for the whole group and
/// kept, so a member that needs more levels triggers them for all.
/// </summary>
internal sealed class ElementGroup
{
    private readonly Prober prober;
    private readonly InputStorage input;
    private readonly double[] snapshot;
    private readonly BlockLayout layout;
    private readonly int[] members;
    private readonly Perturbation[] perturbations;
    private readonly int widestLevel;
    private readonly Dictionary<int, GroupLevel?> levels = [];

    /// <param name="prober">Evaluates the group's moves.</param>
    /// <param name="input">The input the members belong to.</param>
    /// <param name="snapshot">The input's values.</param>
    /// <param name="layout">The verified layout the members' blocks come from.</param>
    /// <param name="members">The members' indices, each in a block of its own.</param>
    /// <param name="perturbations">Each member's element perturbation, the one its own ladder moves.</param>
    /// <param name="widestLevel">The widest level the layout was verified at: wider levels are not served.</param>
    public ElementGroup(Prober prober, InputStorage input, double[] snapshot, BlockLayout layout, int[] members, Perturbation[] perturbations,
        int widestLevel)
    {
        this.prober = prober;
        this.input = input;
        this.snapshot = snapshot;
        this.layout = layout;
        this.members = members;
        this.perturbations = perturbations;
        this.widestLevel = widestLevel;
        BaseBlocks = prober.BaseBlocks(layout);
    }

    /// <summary>φ's terms per block at the unperturbed inputs.</summary>
    public double[] BaseBlocks { get; }

    /// <summary>The block a member's move reaches.</summary>
    public int BlockOf(int index) => layout.InputBlock(input.Shape, index);

    /// <summary>
    /// Level k for every member moved together; null when the group does not serve it (wider than verified, or the joint
    /// move faulted): then each member evaluates that level alone, as an uncompressed check would, faults included.
    /// </summary>
    public GroupLevel? At(int k)
    {
        if (k < widestLevel) return null;
        if (levels.TryGetValue(k, out var known)) return known;
        var level = Evaluate(Math.ScaleB(1.0, -k));
        levels[k] = level;
        return level;
    }

    private GroupLevel? Evaluate(double t)
    {
        // Members whose displacement cannot be represented at t stay put: their own ladders find that level missing.
        var (indices, centres, displacements) = (new List<int>(), new List<double>(), new List<double>());
        for (var m = 0; m < members.Length; m++)
        {
            if (perturbations[m].DisplacementsAt(t, snapshot) is not { } move) continue;
            indices.Add(members[m]);
            centres.Add(move.Centres[0]);
            displacements.Add(move.Displacements[0]);
        }

        if (indices.Count == 0) return null;
        var joint = new Move([.. centres], [.. displacements]);
        var (plus, minus) = (new double[layout.Count], new double[layout.Count]);
        try
        {
            var magnitudePlus = prober.BlocksAt(input, snapshot, [.. indices], joint, +1, layout, plus);
            var magnitudeMinus = prober.BlocksAt(input, snapshot, [.. indices], joint, -1, layout, minus);
            return new GroupLevel(plus, minus, Math.Max(magnitudePlus, magnitudeMinus));
        }
        catch (CheckFaultException)
        {
            return null;
        }
    }
}

/// <summary>
/// One level of an <see cref="ElementGroup"/>: φ's terms per block at x ± d, and Σ|uᵢFᵢ| over the whole output (the
/// scale of the rounding floor, as a one-element evaluation would see it).
/// </summary>
internal sealed record GroupLevel(double[] Plus, double[] Minus, double Magnitude);
