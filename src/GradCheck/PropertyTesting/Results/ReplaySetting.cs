using System.Globalization;
using FsCheck;
using Microsoft.FSharp.Core;

namespace GradCheck;

/// <summary>The replay string a failure prints, <c>"seed,gamma,size"</c>, and its parsing into FsCheck's <see cref="Replay"/>.</summary>
internal static class ReplaySetting
{
    public static string Format(Rnd seed, int size) =>
        string.Create(CultureInfo.InvariantCulture, $"{seed.Seed},{seed.Gamma},{size}");

    public static FSharpOption<Replay>? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parts = text.Trim().Trim('(', ')').Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length is < 2 or > 3
            || !ulong.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seed)
            || !ulong.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var gamma)
            || gamma % 2 == 0)
            throw new PropertyDefinitionException(
                $"Replay \"{text}\" is not of the form \"seed,gamma\" or \"seed,gamma,size\" with whole numbers and an odd gamma, " +
                "as failure reports print it.");
        FSharpOption<int>? size = null;
        if (parts.Length == 3)
        {
            if (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var s))
                throw new PropertyDefinitionException($"Replay \"{text}\" has a size \"{parts[2]}\" that is not a whole number.");
            size = FSharpOption<int>.Some(s);
        }

        return FSharpOption<Replay>.Some(new Replay(new Rnd(seed, gamma), size));
    }
}
