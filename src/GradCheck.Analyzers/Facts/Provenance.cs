namespace GradCheck.Analyzers.Facts;

/// <summary>
/// Why a size is what it is at a mismatch: the earlier use that fixed an unknown size. Rendered as "x has nIn columns
/// (from `x * W`, line 12), but here it needs nOut".
/// </summary>
internal sealed class Provenance
{
    public Provenance(UnknownSize size, string value, Origin origin, string needed)
    {
        Size = size;
        Value = value;
        Origin = origin;
        Needed = needed;
    }

    public UnknownSize Size { get; }

    public string Value { get; }

    public Origin Origin { get; }

    public string Needed { get; }

    /// <summary>The sentence, or "" when there is no provenance.</summary>
    public static string Suffix(Provenance? provenance) =>
        provenance is null ? "" : $"; {provenance.Size.StatedAs(provenance.Value)} (from {provenance.Origin}), but here it needs {provenance.Needed}";
}
