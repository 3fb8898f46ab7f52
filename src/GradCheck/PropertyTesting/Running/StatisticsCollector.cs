namespace GradCheck;

/// <summary>Gathers <see cref="PropertyStatistics"/> from the samples checked while generating.</summary>
internal sealed class StatisticsCollector(PropertyPlan plan)
{
    private readonly List<(string Dim, Func<int[], int> SizeOf)> dims = DimsOf(plan);
    private readonly Dictionary<string, Dictionary<int, int>> counts = [];
    private readonly Dictionary<int, (double Min, double Max, double SmallestMagnitude, double? SmallestSpread)> values = [];
    private int checkedSamples;

    public void Add(PropertySample sample)
    {
        checkedSamples++;
        foreach (var (dim, sizeOf) in dims)
        {
            var byDim = counts.TryGetValue(dim, out var existing) ? existing : counts[dim] = [];
            var size = sizeOf(sample.Sizes);
            byDim[size] = byDim.GetValueOrDefault(size) + 1;
        }

        for (var p = 0; p < plan.Parameters.Count; p++)
        {
            var drawn = sample.Values[p];
            if (drawn.Length == 0) continue;
            var (min, max) = (drawn.Min(), drawn.Max());
            var smallest = drawn.Min(Math.Abs);
            double? spread = drawn.Length > 1 ? max - min : null;
            values[p] = values.TryGetValue(p, out var so)
                ? (Math.Min(so.Min, min), Math.Max(so.Max, max), Math.Min(so.SmallestMagnitude, smallest), Smaller(so.SmallestSpread, spread))
                : (min, max, smallest, spread);
        }
    }

    public PropertyStatistics ToStatistics() => new(checkedSamples,
        dims.Select(d => new SizeStatistics(d.Dim, counts.TryGetValue(d.Dim, out var c) ? c : new Dictionary<int, int>())).ToList(),
        values.OrderBy(v => v.Key).Select(v => new ValueStatistics(plan.Parameters[v.Key].Name, v.Value.Min, v.Value.Max, v.Value.SmallestMagnitude,
            v.Value.SmallestSpread)).ToList());

    private static double? Smaller(double? a, double? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    // The symbols, then every derived dim of a [Shape] ("L-K+1"), each once.
    private static List<(string, Func<int[], int>)> DimsOf(PropertyPlan plan)
    {
        var result = plan.Symbols.Select((symbol, i) => (symbol, (Func<int[], int>)(sizes => sizes[i]))).ToList();
        foreach (var parameter in plan.Parameters.Where(p => p.IsTensor))
            for (var d = 0; d < parameter.Dims.Count; d++)
            {
                var dim = parameter.Dims[d];
                var text = dim.ToString();
                if (dim.IsSymbol || dim.IsLiteral || result.Any(r => r.symbol == text)) continue;
                var axis = d;
                var owner = parameter;
                result.Add((text, sizes => axis == 0 ? owner.ShapeAt(sizes).Rows : owner.ShapeAt(sizes).Columns));
            }

        return result;
    }
}
