namespace GradCheck;

/// <summary>
/// Options of a gradient property: how many samples FsCheck draws, how large the sizes grow, how to replay a failure,
/// and the engine's tolerances. <c>[GradCheck]</c> maps its named arguments onto these; the plain
/// <see cref="GradientProperty"/> entry points take them directly.
/// </summary>
public sealed record PropertyOptions
{
    /// <summary>The default options.</summary>
    public static PropertyOptions Default { get; } = new();

    /// <summary>How many passing samples make the property pass (FsCheck's <c>MaxTest</c>). Default 100.</summary>
    public int Samples { get; init; } = 100;

    /// <summary>
    /// How many samples may be discarded (drawn at a point where the function has no derivative) before the property
    /// gives up as exhausted (FsCheck's <c>MaxRejected</c>). Default 1000.
    /// </summary>
    public int MaxDiscarded { get; init; } = 1000;

    /// <summary>FsCheck's size for the first sample. Default 1.</summary>
    public int StartSize { get; init; } = 1;

    /// <summary>FsCheck's size for the last sample; sizes of matrices grow with it up to <see cref="MaxDimension"/>. Default 100.</summary>
    public int EndSize { get; init; } = 100;

    /// <summary>
    /// The largest size a shape symbol is bound to. Symbols start between 1 and 2 and their upper bound grows linearly
    /// with FsCheck's size, reaching 8 around a third of the way and this value at <see cref="EndSize"/>. Default 16.
    /// </summary>
    public int MaxDimension { get; init; } = 16;

    /// <summary>
    /// Whether distinct shape symbols are bound to distinct sizes while generating (default true): a missing transpose
    /// goes unnoticed when N = D. Shrinking may still make them equal when the failure persists.
    /// </summary>
    public bool DistinctSizes { get; init; } = true;

    /// <summary>
    /// Replays a failure: the <c>"seed,gamma,size"</c> (or <c>"(seed,gamma)"</c>) string a failure report prints.
    /// The other options must stay as they were.
    /// </summary>
    public string? Replay { get; init; }

    /// <summary>Directional probes (the default) or element by element, per sample.</summary>
    public CheckMode Mode { get; init; } = CheckMode.Default;

    /// <summary>The engine's relative tolerance (see <see cref="CheckOptions.RelativeTolerance"/>).</summary>
    public double RelativeTolerance { get; init; } = CheckOptions.Default.RelativeTolerance;

    /// <summary>The engine's absolute tolerance (see <see cref="CheckOptions.AbsoluteTolerance"/>).</summary>
    public double AbsoluteTolerance { get; init; } = CheckOptions.Default.AbsoluteTolerance;

    /// <summary>Random signed directions probed per differentiated input (see <see cref="CheckOptions.DirectionsPerInput"/>).</summary>
    public int DirectionsPerInput { get; init; } = CheckOptions.Default.DirectionsPerInput;

    /// <summary>
    /// Types whose public static members return FsCheck <c>Arbitrary&lt;T&gt;</c> instances, for parameters that are
    /// neither matrices nor vectors (as FsCheck's <c>[Property(Arbitrary = …)]</c>). Earlier types win.
    /// </summary>
    public IReadOnlyList<Type> Arbitrary { get; init; } = [];

    /// <summary>Whether value shrinking follows size shrinking (default true): simpler numbers, at the cost of more checks.</summary>
    public bool ShrinkValues { get; init; } = true;

    /// <summary>
    /// Whether a passing property's message also gives the statistics of what was drawn (every dim's sizes and how often,
    /// each parameter's value range), as a failure's always does. Default false: a pass then says the sizes' ranges only.
    /// </summary>
    public bool Verbose { get; init; }

    /// <summary>
    /// Stops the run between samples; the run then throws <see cref="OperationCanceledException"/>. In xUnit v3, pass
    /// <c>TestContext.Current.CancellationToken</c>. (An option rather than a parameter, as in <see cref="ParallelOptions"/>.)
    /// </summary>
    public CancellationToken CancellationToken { get; init; }

    internal CheckOptions EngineOptions(int seed) => new()
    {
        Mode = Mode,
        RelativeTolerance = RelativeTolerance,
        AbsoluteTolerance = AbsoluteTolerance,
        DirectionsPerInput = DirectionsPerInput,
        Seed = seed,
    };

    internal void Validate()
    {
        if (Samples < 1) throw new PropertyDefinitionException($"{nameof(Samples)} must be at least 1 (it is {Samples}).");
        if (MaxDiscarded < 0) throw new PropertyDefinitionException($"{nameof(MaxDiscarded)} must be ≥ 0 (it is {MaxDiscarded}).");
        if (MaxDimension < 1) throw new PropertyDefinitionException($"{nameof(MaxDimension)} must be at least 1 (it is {MaxDimension}).");
        if (StartSize < 0 || EndSize < StartSize)
            throw new PropertyDefinitionException(
                $"{nameof(StartSize)} ({StartSize}) and {nameof(EndSize)} ({EndSize}) must satisfy 0 ≤ StartSize ≤ EndSize.");
        try
        {
            EngineOptions(0).Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new PropertyDefinitionException(e.Message);
        }
    }
}
