namespace GradCheck;

/// <summary>What a check found for one differentiated input.</summary>
public sealed class InputResult
{
    internal InputResult(string name, TensorShape shape) { Name = name; Shape = shape; }

    /// <summary>The input's name.</summary>
    public string Name { get; }

    /// <summary>Whether the input is a matrix, a vector or a scalar.</summary>
    public TensorKind Kind => Shape.Kind;

    /// <summary>Its number of rows (a vector's length; 1 for a scalar).</summary>
    public int RowCount => Shape.Rows;

    /// <summary>Its number of columns (1 for a vector or a scalar).</summary>
    public int ColumnCount => Shape.Columns;

    /// <summary>Its number of elements.</summary>
    public int ElementCount => Shape.Count;

    /// <summary>The verdict on this input: <see cref="Verdict.Passed"/>, <see cref="Verdict.Failed"/> or <see cref="Verdict.NonDifferentiable"/>.</summary>
    public Verdict Verdict { get; internal set; }

    /// <summary>Directional probes run over this input.</summary>
    public int ProbeCount { get; internal set; }

    /// <summary>
    /// Directional probes over all differentiated inputs at once that this input passed on, without probes of its own
    /// (default mode; 0 when it was probed on its own). Such a pass resolves this input's own share of each probe.
    /// </summary>
    public int JointProbeCount { get; internal set; }

    /// <summary>How many inputs the joint probes moved at once.</summary>
    internal int JointInputCount { get; set; }

    /// <summary>Directional probes that failed.</summary>
    public int FailedProbeCount { get; internal set; }

    /// <summary>Elements checked one by one.</summary>
    public int CheckedElementCount { get; internal set; }

    /// <summary>Checked elements found wrong.</summary>
    public int FailedElementCount { get; internal set; }

    /// <summary>Checked elements found on a kink.</summary>
    public int NonDifferentiableElementCount { get; internal set; }

    /// <summary>
    /// How many elements are wrong: exact when every element was checked, otherwise estimated from block probes and
    /// a sample of elements (see <see cref="WrongElementCountIsEstimate"/>).
    /// </summary>
    public int WrongElementCount { get; internal set; }

    /// <summary>Whether <see cref="WrongElementCount"/> is an estimate from localisation rather than a count.</summary>
    public bool WrongElementCountIsEstimate { get; internal set; }

    /// <summary>
    /// The directional probes that failed, or that crossed a kink: the evidence when no single element can be singled
    /// out (an error spread thinly over many elements), or when elements at a kink are wrong only together.
    /// </summary>
    public IReadOnlyList<DirectionResult> FailedDirections { get; internal set; } = [];

    /// <summary>
    /// The largest error bar of the probes, relative to what they compared: a wrong gradient whose error is smaller than
    /// this fraction could have passed. About 1e-9 on ordinary layers; larger where rounding limits any finite difference
    /// (inputs sharing a large offset), which the report then says.
    /// </summary>
    public double Resolution { get; internal set; }

    /// <summary>The worst checked elements, worst first (on a kink, for a <see cref="Verdict.NonDifferentiable"/> input).</summary>
    public IReadOnlyList<ElementResult> WorstElements { get; internal set; } = [];

    /// <summary>The likely bug, when the evidence supports one; null otherwise.</summary>
    public Diagnosis? Diagnosis { get; internal set; }

    /// <summary>Where the gradient is wrong over the input (row and column bands), when it failed.</summary>
    public ErrorHeatmap? Heatmap { get; internal set; }

    /// <summary>The Taylor-remainder test that confirmed a failure, when one was run.</summary>
    public TaylorResult? Confirmation { get; internal set; }

    /// <summary>Every checked element, kept only when the options ask for it (tests comparing two checks).</summary>
    internal IReadOnlyList<ElementResult> CheckedElements { get; set; } = [];

    /// <summary>The blocks a full check read apart to move this input's elements in groups; null when it moved them one at a time.</summary>
    internal BlockAxis? CompressedAlong { get; set; }

    internal TensorShape Shape { get; }
}
