using System.Collections.Generic;

namespace GradCheck.Analyzers.Symbols;

/// <summary>
/// A set of identifiers that a run of characters can be looked up in without making a string of it: the scan of a
/// body's text asks it once per identifier, and almost every answer is no.
/// </summary>
internal sealed class NameSet
{
    private readonly Dictionary<int, List<string>> byHash = new();
    private readonly bool[] lengths = new bool[256];

    public NameSet(IEnumerable<string> names)
    {
        foreach (var name in names) Add(name);
    }

    public void Add(string name)
    {
        if (name.Length == 0 || name.Length >= lengths.Length) return;
        var hash = Hash(name.ToCharArray(), 0, name.Length);
        if (!byHash.TryGetValue(hash, out var bucket)) byHash[hash] = bucket = new List<string>();
        if (!bucket.Contains(name)) bucket.Add(name);
        lengths[name.Length] = true;
    }

    /// <summary>Whether the name is one of the names.</summary>
    public bool Contains(string name) => name.Length < lengths.Length && Contains(name.ToCharArray(), 0, name.Length);

    /// <summary>Whether <c>chars[start..start+length)</c> is one of the names.</summary>
    public bool Contains(char[] chars, int start, int length)
    {
        if (length >= lengths.Length || !lengths[length]) return false;
        if (!byHash.TryGetValue(Hash(chars, start, length), out var bucket)) return false;
        foreach (var name in bucket)
            if (SameChars(name, chars, start, length)) return true;
        return false;
    }

    private static bool SameChars(string name, char[] chars, int start, int length)
    {
        if (name.Length != length) return false;
        for (var i = 0; i < length; i++)
            if (name[i] != chars[start + i]) return false;
        return true;
    }

    private static int Hash(char[] chars, int start, int length)
    {
        var hash = length;
        for (var i = 0; i < length; i++) hash = unchecked(hash * 31 + chars[start + i]);
        return hash;
    }
}
