using GradCheck.Dims;

namespace GradCheck.Analyzers.Model;

/// <summary>
/// Unknown sizes: symbols of the dim grammar whose names start with '?' (no identifier can), standing for a size an
/// unannotated value has but no code has fixed yet. Unlike size symbols they are never reported against anything; a use
/// fixes them instead.
/// </summary>
internal static class Unknowns
{
    public const char Marker = '?';

    public static bool IsUnknown(string symbol) => symbol.Length > 0 && symbol[0] == Marker;

    /// <summary>True when the dim names an unknown size.</summary>
    public static bool Mentions(DimExpression dim)
    {
        foreach (var symbol in dim.Symbols)
            if (IsUnknown(symbol)) return true;
        return false;
    }

    /// <summary>How a dim reads in a message: its normal form, or ? while it still depends on an unknown.</summary>
    public static string Display(DimExpression? dim) => dim is null || Mentions(dim) ? "?" : dim.ToString();
}
