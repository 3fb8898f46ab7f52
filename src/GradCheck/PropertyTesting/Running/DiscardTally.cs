namespace GradCheck;

/// <summary>Discarded samples counted by reason, while generating (discarded shrink candidates are not counted).</summary>
internal sealed class DiscardTally
{
    private readonly Dictionary<string, int> counts = [];

    public int Total => counts.Values.Sum();

    public IReadOnlyDictionary<string, int> ByReason => counts;

    public void Add(string reason) => counts[reason] = counts.GetValueOrDefault(reason) + 1;

    /// <summary>"3 discarded: 2 on a kink of 'x', 1 on a kink of 'w'", or "none discarded".</summary>
    public override string ToString() => Total == 0
        ? "none discarded"
        : $"{Total} discarded: {string.Join(", ", counts.OrderByDescending(c => c.Value).Select(c => $"{c.Value} {c.Key}"))}";
}
