namespace GradCheck;

// The settings half of [GradCheck], shared by the xUnit v3 and v2 adapters; each declares the other half (base class
// and discoverer) in its own project.
public sealed partial class GradCheckAttribute
{
    // Only the settings written on the attribute are set here: the others come from [PropertyDefaults] on the class or
    // the assembly, then the built-in defaults (PropertyOptions remembers which settings were written).
    private PropertyOptions options = new();

    /// <summary>How many passing samples make the test pass (FsCheck's MaxTest). Default 100.</summary>
    public int Samples { get => options.Samples; set => options = options with { Samples = value }; }

    /// <summary>
    /// How many samples may be discarded (kinks, unmet [Require], Sample.Require) before the test gives up (FsCheck's
    /// MaxRejected). Default 1000.
    /// </summary>
    public int MaxDiscarded { get => options.MaxDiscarded; set => options = options with { MaxDiscarded = value }; }

    /// <summary>FsCheck's size for the first sample. Default 1.</summary>
    public int StartSize { get => options.StartSize; set => options = options with { StartSize = value }; }

    /// <summary>FsCheck's size for the last sample; shape sizes grow with it. Default 100.</summary>
    public int EndSize { get => options.EndSize; set => options = options with { EndSize = value }; }

    /// <summary>The largest size bound to a shape symbol. Default 16.</summary>
    public int MaxDimension { get => options.MaxDimension; set => options = options with { MaxDimension = value }; }

    /// <summary>Whether distinct shape symbols get distinct sizes while generating (default true: a missing transpose hides when N = D).</summary>
    public bool DistinctSizes { get => options.DistinctSizes; set => options = options with { DistinctSizes = value }; }

    /// <summary>Replays a failure: paste the <c>"seed,gamma,size"</c> string the failure message prints.</summary>
    public string? Replay { get => options.Replay; set => options = options with { Replay = value }; }

    /// <summary>Directional probes (default) or every element, per sample.</summary>
    public CheckMode Mode { get => options.Mode; set => options = options with { Mode = value }; }

    /// <summary>The engine's relative tolerance. Default 1e-6, on top of the finite differences' estimated error.</summary>
    public double RelativeTolerance { get => options.RelativeTolerance; set => options = options with { RelativeTolerance = value }; }

    /// <summary>The engine's absolute tolerance per element. Default 0.</summary>
    public double AbsoluteTolerance { get => options.AbsoluteTolerance; set => options = options with { AbsoluteTolerance = value }; }

    /// <summary>Random signed directions probed per differentiated input. Default 2.</summary>
    public int DirectionsPerInput { get => options.DirectionsPerInput; set => options = options with { DirectionsPerInput = value }; }

    /// <summary>Classes with static FsCheck Arbitrary members for other parameter types (as in FsCheck's [Property]).</summary>
    public Type[] Arbitrary { get => [.. options.Arbitrary]; set => options = options with { Arbitrary = value ?? [] }; }

    /// <summary>Whether shrinking also simplifies the values after the sizes (default true).</summary>
    public bool ShrinkValues { get => options.ShrinkValues; set => options = options with { ShrinkValues = value }; }

    /// <summary>
    /// Whether a pass also writes the statistics of what was drawn (each dim's sizes, each parameter's values) to the test
    /// output. Default false.
    /// </summary>
    public bool Verbose { get => options.Verbose; set => options = options with { Verbose = value }; }

    /// <summary>Suppresses the summary written to the test output when the test passes.</summary>
    public bool QuietOnSuccess { get; set; }

    /// <summary>The settings written on the attribute; unwritten ones are filled in by the runner from [PropertyDefaults].</summary>
    internal PropertyOptions ToOptions() => options;
}
