namespace GradCheck;

// The settings half of [GradCheck], shared by the xUnit v3 and v2 adapters; each declares the other half (base class
// and discoverer) in its own project.
public sealed partial class GradCheckAttribute
{
    /// <summary>How many passing samples make the test pass (FsCheck's MaxTest). Default 100.</summary>
    public int Samples { get; set; } = PropertyOptions.Default.Samples;

    /// <summary>How many samples at non-differentiable points may be discarded before the test gives up (FsCheck's MaxRejected). Default 1000.</summary>
    public int MaxDiscarded { get; set; } = PropertyOptions.Default.MaxDiscarded;

    /// <summary>FsCheck's size for the first sample. Default 1.</summary>
    public int StartSize { get; set; } = PropertyOptions.Default.StartSize;

    /// <summary>FsCheck's size for the last sample; shape sizes grow with it. Default 100.</summary>
    public int EndSize { get; set; } = PropertyOptions.Default.EndSize;

    /// <summary>The largest size bound to a shape symbol. Default 16.</summary>
    public int MaxDimension { get; set; } = PropertyOptions.Default.MaxDimension;

    /// <summary>Whether distinct shape symbols get distinct sizes while generating (default true: a missing transpose hides when N = D).</summary>
    public bool DistinctSizes { get; set; } = PropertyOptions.Default.DistinctSizes;

    /// <summary>Replays a failure: paste the <c>"seed,gamma,size"</c> string the failure message prints.</summary>
    public string? Replay { get; set; }

    /// <summary>Directional probes (default) or every element, per sample.</summary>
    public CheckMode Mode { get; set; } = PropertyOptions.Default.Mode;

    /// <summary>The engine's relative tolerance. Default 1e-6, on top of the finite differences' estimated error.</summary>
    public double RelativeTolerance { get; set; } = PropertyOptions.Default.RelativeTolerance;

    /// <summary>The engine's absolute tolerance per element. Default 0.</summary>
    public double AbsoluteTolerance { get; set; } = PropertyOptions.Default.AbsoluteTolerance;

    /// <summary>Random signed directions probed per differentiated input. Default 2.</summary>
    public int DirectionsPerInput { get; set; } = PropertyOptions.Default.DirectionsPerInput;

    /// <summary>Classes with static FsCheck Arbitrary members for other parameter types (as in FsCheck's [Property]).</summary>
    public Type[] Arbitrary { get; set; } = [];

    /// <summary>Whether shrinking also simplifies the values after the sizes (default true).</summary>
    public bool ShrinkValues { get; set; } = PropertyOptions.Default.ShrinkValues;

    /// <summary>Suppresses the one-line summary written to the test output when the test passes.</summary>
    public bool QuietOnSuccess { get; set; }

    internal PropertyOptions ToOptions() => new()
    {
        Samples = Samples,
        MaxDiscarded = MaxDiscarded,
        StartSize = StartSize,
        EndSize = EndSize,
        MaxDimension = MaxDimension,
        DistinctSizes = DistinctSizes,
        Replay = Replay,
        Mode = Mode,
        RelativeTolerance = RelativeTolerance,
        AbsoluteTolerance = AbsoluteTolerance,
        DirectionsPerInput = DirectionsPerInput,
        Arbitrary = Arbitrary ?? [],
        ShrinkValues = ShrinkValues,
    };
}
