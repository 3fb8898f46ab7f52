using System.Globalization;

namespace GradCheck;

/// <summary>
/// One drawn case of a property: a size per symbol, the values of every matrix/vector (column-major) and double, the
/// other arguments, and the engine's seed (upstream gradient and probe directions). Immutable: shrinking builds new ones.
/// </summary>
internal sealed class Sample(PropertyPlan plan, int[] sizes, double[][] values, object?[] others, int engineSeed)
{
    public PropertyPlan Plan { get; } = plan;

    /// <summary>One size per entry of <see cref="PropertyPlan.Symbols"/>.</summary>
    public int[] Sizes { get; } = sizes;

    /// <summary>Per parameter: its elements (tensors, column-major), its value (scalars, one element), or empty.</summary>
    public double[][] Values { get; } = values;

    /// <summary>Per parameter: the drawn value of an <see cref="PropertyParameterKind.Other"/> parameter, else null.</summary>
    public object?[] Others { get; } = others;

    public int EngineSeed { get; } = engineSeed;

    public Sample With(int[]? sizes = null, double[][]? values = null, object?[]? others = null) =>
        new(Plan, sizes ?? Sizes, values ?? Values, others ?? Others, EngineSeed);

    /// <summary>"N = 2, D = 3", the sizes as a reader wants them.</summary>
    public string SizesText => Plan.Symbols.Count == 0
        ? "(no size symbols)"
        : string.Join(", ", Plan.Symbols.Select((s, i) => string.Create(CultureInfo.InvariantCulture, $"{s} = {Sizes[i]}")));

    public IReadOnlyDictionary<string, int> SizesBySymbol =>
        Plan.Symbols.Select((s, i) => (s, Sizes[i])).ToDictionary(p => p.s, p => p.Item2);

    /// <summary>What FsCheck prints for the sample in verbose runs.</summary>
    public override string ToString() => $"{SizesText}; engine seed {EngineSeed}";
}
