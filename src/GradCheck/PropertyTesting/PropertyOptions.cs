namespace GradCheck;

/// <summary>
/// Options of a gradient property: how many samples FsCheck draws, how large the sizes grow, how to replay a failure,
/// and the engine's tolerances. <c>[GradCheck]</c> maps its named arguments onto these; the plain
/// <see cref="GradientProperty"/> entry points take them directly.
/// </summary>
/// <remarks>
/// A setting left unset takes its value from <see cref="PropertyDefaultsAttribute"/> on the test method's class, else on
/// its assembly, else the default documented here: only settings actually written override.
/// </remarks>
public sealed record PropertyOptions
{
    // Each setting remembers whether it was written (null: not written), so defaults from a class or an assembly fill in
    // exactly the settings a method left alone, also when a written value equals the default.
    private int? samples;
    private int? maxDiscarded;
    private int? startSize;
    private int? endSize;
    private int? maxDimension;
    private bool? distinctSizes;
    private CheckMode? mode;
    private double? relativeTolerance;
    private double? absoluteTolerance;
    private int? directionsPerInput;
    private IReadOnlyList<Type>? arbitrary;
    private bool? shrinkValues;
    private bool? verbose;

    /// <summary>The default options.</summary>
    public static PropertyOptions Default { get; } = new();

    /// <summary>How many passing samples make the property pass (FsCheck's <c>MaxTest</c>). Default 100.</summary>
    public int Samples { get => samples ?? 100; init => samples = value; }

    /// <summary>
    /// How many samples may be discarded (drawn at a point where the function has no derivative, breaking a
    /// <see cref="Parameters.RequireAttribute"/>, or discarded by <see cref="Sample.Require"/>) before the property gives
    /// up as exhausted (FsCheck's <c>MaxRejected</c>). Default 1000.
    /// </summary>
    public int MaxDiscarded { get => maxDiscarded ?? 1000; init => maxDiscarded = value; }

    /// <summary>FsCheck's size for the first sample. Default 1.</summary>
    public int StartSize { get => startSize ?? 1; init => startSize = value; }

    /// <summary>FsCheck's size for the last sample; sizes of matrices grow with it up to <see cref="MaxDimension"/>. Default 100.</summary>
    public int EndSize { get => endSize ?? 100; init => endSize = value; }

    /// <summary>
    /// The largest size a shape symbol is bound to. Symbols start between 1 and 2 and their upper bound grows linearly
    /// with FsCheck's size, reaching 8 around a third of the way and this value at <see cref="EndSize"/>. Default 16.
    /// </summary>
    public int MaxDimension { get => maxDimension ?? 16; init => maxDimension = value; }

    /// <summary>
    /// Whether distinct shape symbols are bound to distinct sizes while generating (default true): a missing transpose
    /// goes unnoticed when N = D. Shrinking may still make them equal when the failure persists.
    /// </summary>
    public bool DistinctSizes { get => distinctSizes ?? true; init => distinctSizes = value; }

    /// <summary>
    /// Replays a failure: the <c>"seed,gamma,size"</c> (or <c>"(seed,gamma)"</c>) string a failure report prints.
    /// The other options must stay as they were.
    /// </summary>
    public string? Replay { get; init; }

    /// <summary>Directional probes (the default) or element by element, per sample.</summary>
    public CheckMode Mode { get => mode ?? CheckMode.Default; init => mode = value; }

    /// <summary>The engine's relative tolerance (see <see cref="CheckOptions.RelativeTolerance"/>).</summary>
    public double RelativeTolerance { get => relativeTolerance ?? CheckOptions.Default.RelativeTolerance; init => relativeTolerance = value; }

    /// <summary>The engine's absolute tolerance (see <see cref="CheckOptions.AbsoluteTolerance"/>).</summary>
    public double AbsoluteTolerance { get => absoluteTolerance ?? CheckOptions.Default.AbsoluteTolerance; init => absoluteTolerance = value; }

    /// <summary>Random signed directions probed per differentiated input (see <see cref="CheckOptions.DirectionsPerInput"/>).</summary>
    public int DirectionsPerInput { get => directionsPerInput ?? CheckOptions.Default.DirectionsPerInput; init => directionsPerInput = value; }

    /// <summary>
    /// Types whose public static members return FsCheck <c>Arbitrary&lt;T&gt;</c> instances, for parameters that are
    /// neither matrices nor vectors (as FsCheck's <c>[Property(Arbitrary = …)]</c>). Earlier types win.
    /// </summary>
    public IReadOnlyList<Type> Arbitrary { get => arbitrary ?? []; init => arbitrary = value; }

    /// <summary>Whether value shrinking follows size shrinking (default true): simpler numbers, at the cost of more checks.</summary>
    public bool ShrinkValues { get => shrinkValues ?? true; init => shrinkValues = value; }

    /// <summary>
    /// Whether a passing property's message also gives the statistics of what was drawn (every dim's sizes and how often,
    /// each parameter's value range), as a failure's always does. Default false: a pass then says the sizes' ranges only.
    /// </summary>
    public bool Verbose { get => verbose ?? false; init => verbose = value; }

    /// <summary>
    /// Stops the run between samples; the run then throws <see cref="OperationCanceledException"/>. In xUnit v3, pass
    /// <c>TestContext.Current.CancellationToken</c>. (An option rather than a parameter, as in <see cref="ParallelOptions"/>.)
    /// </summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>The names of the settings written on these options, such as "Samples".</summary>
    internal IEnumerable<string> WrittenSettings()
    {
        if (samples is not null) yield return nameof(Samples);
        if (maxDiscarded is not null) yield return nameof(MaxDiscarded);
        if (startSize is not null) yield return nameof(StartSize);
        if (endSize is not null) yield return nameof(EndSize);
        if (maxDimension is not null) yield return nameof(MaxDimension);
        if (distinctSizes is not null) yield return nameof(DistinctSizes);
        if (mode is not null) yield return nameof(Mode);
        if (relativeTolerance is not null) yield return nameof(RelativeTolerance);
        if (absoluteTolerance is not null) yield return nameof(AbsoluteTolerance);
        if (directionsPerInput is not null) yield return nameof(DirectionsPerInput);
        if (arbitrary is not null) yield return nameof(Arbitrary);
        if (shrinkValues is not null) yield return nameof(ShrinkValues);
        if (verbose is not null) yield return nameof(Verbose);
    }

    /// <summary>These options, with every setting not written here taken from <paramref name="lower"/> (written there or not).</summary>
    internal PropertyOptions Over(PropertyOptions lower)
    {
        var merged = this with { };
        merged.samples ??= lower.samples;
        merged.maxDiscarded ??= lower.maxDiscarded;
        merged.startSize ??= lower.startSize;
        merged.endSize ??= lower.endSize;
        merged.maxDimension ??= lower.maxDimension;
        merged.distinctSizes ??= lower.distinctSizes;
        merged.mode ??= lower.mode;
        merged.relativeTolerance ??= lower.relativeTolerance;
        merged.absoluteTolerance ??= lower.absoluteTolerance;
        merged.directionsPerInput ??= lower.directionsPerInput;
        merged.arbitrary ??= lower.arbitrary;
        merged.shrinkValues ??= lower.shrinkValues;
        merged.verbose ??= lower.verbose;
        return merged;
    }

    internal CheckOptions EngineOptions(int seed) => new()
    {
        Mode = Mode,
        RelativeTolerance = RelativeTolerance,
        AbsoluteTolerance = AbsoluteTolerance,
        DirectionsPerInput = DirectionsPerInput,
        Seed = seed,
    };

    /// <summary>Rejects settings out of range, naming each and, through <paramref name="origin"/>, where it was written.</summary>
    /// <param name="origin">For a setting's name, " (from [PropertyDefaults] on class X)" or "" when written on the method or options.</param>
    internal void Validate(Func<string, string> origin)
    {
        string Set(string name, object value) => $"{name} = {value}{origin(name)}";
        if (Samples < 1) throw new PropertyDefinitionException($"{Set(nameof(Samples), Samples)}: it must be at least 1.");
        if (MaxDiscarded < 0) throw new PropertyDefinitionException($"{Set(nameof(MaxDiscarded), MaxDiscarded)}: it must be ≥ 0.");
        if (MaxDimension < 1) throw new PropertyDefinitionException($"{Set(nameof(MaxDimension), MaxDimension)}: it must be at least 1.");
        if (StartSize < 0 || EndSize < StartSize)
            throw new PropertyDefinitionException(
                $"{Set(nameof(StartSize), StartSize)} and {Set(nameof(EndSize), EndSize)}: they must satisfy 0 ≤ StartSize ≤ EndSize.");
        if (Arbitrary.Any(t => t is null)) throw new PropertyDefinitionException($"{nameof(Arbitrary)}{origin(nameof(Arbitrary))} lists a null type.");
        try
        {
            EngineOptions(0).Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            var reason = e.Message.ReplaceLineEndings("\n").Split('\n')[0];
            var parameter = reason.IndexOf(" (Parameter", StringComparison.Ordinal);
            throw new PropertyDefinitionException(
                $"{e.ParamName} = {e.ActualValue}{origin(e.ParamName ?? "")}: {(parameter < 0 ? reason : reason[..parameter])}");
        }
    }
}
