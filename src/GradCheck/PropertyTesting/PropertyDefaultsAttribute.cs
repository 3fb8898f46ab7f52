namespace GradCheck;

/// <summary>
/// Defaults for every gradient property of a class or an assembly (FsCheck.Xunit's <c>[Properties]</c>): settings
/// written once instead of on every <c>[GradCheck]</c>. A method's own settings (on <c>[GradCheck]</c>, or the
/// <see cref="PropertyOptions"/> passed to <see cref="GradientProperty"/>) override the class's, which override the
/// assembly's; only settings actually written override. Read by the framework-free runner, so NUnit and MSTest properties
/// run through <see cref="GradientProperty"/> get them too.
/// </summary>
/// <remarks>
/// Value domains are set the same way: a value-domain attribute (<see cref="Parameters.BetweenAttribute"/>,
/// <see cref="Parameters.MagnitudesAttribute"/>, …) on the class or the assembly is the default domain of every drawn
/// matrix, vector and double there; one on a parameter overrides it.
/// </remarks>
/// <example>
/// <code>
/// [assembly: PropertyDefaults(Samples = 50)]
///
/// [PropertyDefaults(MaxDimension = 8, RelativeTolerance = 1e-5)]
/// public class AttentionTests { [GradCheck(Samples = 200)] public Differentiable Attention(…) … }   // 200 samples, sizes ≤ 8
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Assembly, AllowMultiple = false, Inherited = true)]
public sealed class PropertyDefaultsAttribute : Attribute
{
    /// <summary>The settings written on this attribute, as options (unwritten ones stay unset).</summary>
    internal PropertyOptions Options { get; private set; } = new();

    /// <summary>How many passing samples make a property pass.</summary>
    public int Samples { get => Options.Samples; set => Options = Options with { Samples = value }; }

    /// <summary>How many samples may be discarded before a property gives up.</summary>
    public int MaxDiscarded { get => Options.MaxDiscarded; set => Options = Options with { MaxDiscarded = value }; }

    /// <summary>FsCheck's size for the first sample.</summary>
    public int StartSize { get => Options.StartSize; set => Options = Options with { StartSize = value }; }

    /// <summary>FsCheck's size for the last sample.</summary>
    public int EndSize { get => Options.EndSize; set => Options = Options with { EndSize = value }; }

    /// <summary>The largest size bound to a shape symbol.</summary>
    public int MaxDimension { get => Options.MaxDimension; set => Options = Options with { MaxDimension = value }; }

    /// <summary>Whether distinct shape symbols get distinct sizes while generating.</summary>
    public bool DistinctSizes { get => Options.DistinctSizes; set => Options = Options with { DistinctSizes = value }; }

    /// <summary>Directional probes or every element, per sample.</summary>
    public CheckMode Mode { get => Options.Mode; set => Options = Options with { Mode = value }; }

    /// <summary>The engine's relative tolerance.</summary>
    public double RelativeTolerance { get => Options.RelativeTolerance; set => Options = Options with { RelativeTolerance = value }; }

    /// <summary>The engine's absolute tolerance per element.</summary>
    public double AbsoluteTolerance { get => Options.AbsoluteTolerance; set => Options = Options with { AbsoluteTolerance = value }; }

    /// <summary>Random directions probed per differentiated input.</summary>
    public int DirectionsPerInput { get => Options.DirectionsPerInput; set => Options = Options with { DirectionsPerInput = value }; }

    /// <summary>Classes with static FsCheck Arbitrary members for other parameter types.</summary>
    public Type[] Arbitrary { get => [.. Options.Arbitrary]; set => Options = Options with { Arbitrary = value ?? [] }; }

    /// <summary>Whether shrinking also simplifies values after sizes.</summary>
    public bool ShrinkValues { get => Options.ShrinkValues; set => Options = Options with { ShrinkValues = value }; }

    /// <summary>Whether a pass also prints the statistics of what was drawn.</summary>
    public bool Verbose { get => Options.Verbose; set => Options = Options with { Verbose = value }; }
}
