using System.Globalization;

namespace GradCheck;

/// <summary>
/// One drawn case of a property: a size per symbol, the values of every matrix/vector (column-major) and double, the
/// other arguments, and the engine's seed (upstream gradient and probe directions). Immutable: shrinking builds new ones.
/// </summary>
internal sealed class PropertySample(PropertyPlan plan, int[] sizes, double[][] values, object?[] others, int engineSeed,
    FailureCharacter? required = null, bool sizesSettled = false)
{
    public PropertyPlan Plan { get; } = plan;

    /// <summary>One size per entry of <see cref="PropertyPlan.Symbols"/>.</summary>
    public int[] Sizes { get; } = sizes;

    /// <summary>Per parameter: its elements (tensors, column-major), its value (scalars, one element), or empty.</summary>
    public double[][] Values { get; } = values;

    /// <summary>Per parameter: the drawn value of an <see cref="PropertyParameterKind.Other"/> parameter, else null.</summary>
    public object?[] Others { get; } = others;

    public int EngineSeed { get; } = engineSeed;

    /// <summary>
    /// For a shrink candidate: the character of the first failure, which the candidate must reproduce to count as failing.
    /// Null for a generated sample. Carried by the sample (not the runner) so the property stays a pure function of it.
    /// </summary>
    public FailureCharacter? Required { get; } = required;

    /// <summary>Whether the sample is a shrink candidate rather than a generated one.</summary>
    public bool IsShrinkCandidate => Required is not null;

    /// <summary>Whether shrinking has moved on to values: its sizes and other arguments are no longer shrunk.</summary>
    public bool SizesSettled { get; } = sizesSettled;

    public PropertySample With(int[]? sizes = null, double[][]? values = null, object?[]? others = null) =>
        new(Plan, sizes ?? Sizes, values ?? Values, others ?? Others, EngineSeed, Required, SizesSettled);

    /// <summary>The same sample with simpler values; from here on only values shrink.</summary>
    public PropertySample WithValues(double[][] values) => new(Plan, Sizes, values, Others, EngineSeed, Required, sizesSettled: true);

    /// <summary>The same sample as a shrink candidate that must fail like <paramref name="character"/>.</summary>
    public PropertySample Requiring(FailureCharacter character) => new(Plan, Sizes, Values, Others, EngineSeed, character, SizesSettled);

    /// <summary>"N = 2, D = 3", the sizes as a reader wants them.</summary>
    public string SizesText => Plan.Symbols.Count == 0
        ? "(no size symbols)"
        : string.Join(", ", Plan.Symbols.Select((s, i) => string.Create(CultureInfo.InvariantCulture, $"{s} = {Sizes[i]}")));

    public IReadOnlyDictionary<string, int> SizesBySymbol =>
        Plan.Symbols.Select((s, i) => (s, Sizes[i])).ToDictionary(p => p.s, p => p.Item2);

    /// <summary>What FsCheck prints for the sample in verbose runs.</summary>
    public override string ToString() => $"{SizesText}; engine seed {EngineSeed}";
}
