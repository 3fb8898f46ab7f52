using System.Globalization;
using System.Text;

namespace GradCheck;

/// <summary>
/// What a gradient property drew over the samples it checked (FsCheck's <c>collect</c> and <c>classify</c>): the sizes
/// each dim took and how often, and the range of each parameter's values. A property that never drew N above 3 shows it
/// here. Discarded samples are not among them; <see cref="PropertyResult.DiscardReasons"/> counts those.
/// </summary>
public sealed class PropertyStatistics
{
    internal PropertyStatistics(int checkedSamples, IReadOnlyList<SizeStatistics> sizes, IReadOnlyList<ValueStatistics> values)
    {
        CheckedSamples = checkedSamples;
        Sizes = sizes;
        Values = values;
    }

    /// <summary>Samples checked by the engine while generating (the passing ones and the first failing one; not shrink candidates).</summary>
    public int CheckedSamples { get; }

    /// <summary>Per size symbol, then per derived dim (<c>"L-K+1"</c>), in order of first appearance.</summary>
    public IReadOnlyList<SizeStatistics> Sizes { get; }

    /// <summary>Per drawn matrix, vector, <see cref="Scalar"/> or <see cref="double"/> parameter, in parameter order.</summary>
    public IReadOnlyList<ValueStatistics> Values { get; }

    /// <summary>The sizes a dim took.</summary>
    /// <param name="dim">A size symbol (<c>"N"</c>) or a derived dim as written (<c>"L-K+1"</c>).</param>
    /// <exception cref="KeyNotFoundException">No [Shape] of the method has that dim.</exception>
    public SizeStatistics Size(string dim) => Sizes.FirstOrDefault(s => s.Dim == dim)
        ?? throw new KeyNotFoundException($"No size '{dim}' was drawn; the dims are {string.Join(", ", Sizes.Select(s => s.Dim))}.");

    /// <summary>The values a parameter took.</summary>
    /// <param name="parameter">The parameter's name.</param>
    /// <exception cref="KeyNotFoundException">The method has no drawn matrix, vector or double of that name.</exception>
    public ValueStatistics Value(string parameter) => Values.FirstOrDefault(v => v.Parameter == parameter)
        ?? throw new KeyNotFoundException($"No values of '{parameter}' were drawn; the parameters are {string.Join(", ", Values.Select(v => v.Parameter))}.");

    /// <summary>"sizes N 1..16, D 2..9": each dim's range, for a one-line summary; empty without dims.</summary>
    public string SizeRanges => Sizes.Count == 0 ? "" : "sizes " + string.Join(", ", Sizes.Select(s => $"{s.Dim} {s.Range}"));

    /// <summary>
    /// The statistics as the report prints them: one line per dim (its range, then how many samples had each size) and
    /// per parameter (its values' range).
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Drawn over {CheckedSamples} checked sample{(CheckedSamples == 1 ? "" : "s")}:");
        var width = Sizes.Select(s => s.Dim.Length).Concat(Values.Select(v => v.Parameter.Length)).DefaultIfEmpty(0).Max();
        foreach (var size in Sizes) text.AppendLine().Append($"  {size.Dim.PadRight(width)}  {size}");
        foreach (var value in Values) text.AppendLine().Append($"  {value.Parameter.PadRight(width)}  {value}");
        return text.ToString();
    }
}

/// <summary>The sizes one dim took over the checked samples.</summary>
public sealed class SizeStatistics
{
    internal SizeStatistics(string dim, IReadOnlyDictionary<int, int> counts)
    {
        Dim = dim;
        Counts = counts;
    }

    /// <summary>The size symbol, or the derived dim as written.</summary>
    public string Dim { get; }

    /// <summary>How many checked samples had each size, by size.</summary>
    public IReadOnlyDictionary<int, int> Counts { get; }

    /// <summary>The smallest size drawn; 0 when no sample was checked.</summary>
    public int Minimum => Counts.Count == 0 ? 0 : Counts.Keys.Min();

    /// <summary>The largest size drawn; 0 when no sample was checked.</summary>
    public int Maximum => Counts.Count == 0 ? 0 : Counts.Keys.Max();

    internal string Range => Counts.Count == 0 ? "none" : Minimum == Maximum ? $"{Minimum}" : $"{Minimum}..{Maximum}";

    /// <summary>"1..4 (1 ×3, 2 ×4, 3 ×2, 4 ×1)": the range, then how many samples had each size.</summary>
    public override string ToString() => Counts.Count == 0 ? "none checked" :
        $"{Range} ({string.Join(", ", Counts.OrderBy(c => c.Key).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} ×{c.Value}")))})";
}

/// <summary>The values one parameter took over the checked samples.</summary>
public sealed class ValueStatistics
{
    internal ValueStatistics(string parameter, double minimum, double maximum, double smallestMagnitude, double? smallestSpread)
    {
        Parameter = parameter;
        Minimum = minimum;
        Maximum = maximum;
        SmallestMagnitude = smallestMagnitude;
        SmallestSpread = smallestSpread;
    }

    /// <summary>The parameter's name.</summary>
    public string Parameter { get; }

    /// <summary>The smallest value drawn.</summary>
    public double Minimum { get; }

    /// <summary>The largest value drawn.</summary>
    public double Maximum { get; }

    /// <summary>The largest absolute value drawn.</summary>
    public double LargestMagnitude => Math.Max(Math.Abs(Minimum), Math.Abs(Maximum));

    /// <summary>The smallest absolute value drawn.</summary>
    public double SmallestMagnitude { get; }

    /// <summary>
    /// The smallest spread (largest minus smallest element) of one drawn matrix or vector of two elements or more: small
    /// against <see cref="LargestMagnitude"/> when values share a large offset. Null for doubles and one-element tensors.
    /// </summary>
    public double? SmallestSpread { get; }

    /// <summary>"in [-1.998, 1.999]; smallest |value| 0.0012; smallest spread 0.05".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"in [{Minimum:G4}, {Maximum:G4}]; smallest |value| {SmallestMagnitude:G3}") +
        (SmallestSpread is { } spread ? string.Create(CultureInfo.InvariantCulture, $"; smallest spread {spread:G3}") : "");
}
