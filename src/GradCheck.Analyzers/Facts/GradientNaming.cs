using System.Collections.Generic;

namespace GradCheck.Analyzers.Facts;

/// <summary>Reads a gradient's name back to the variable it differentiates: dX, dx, gradX, xGrad, dLdX → X.</summary>
internal static class GradientNaming
{
    /// <summary>A quick filter before <see cref="CandidateVariables"/>: only d…, grad… and …Grad names can be gradients.</summary>
    public static bool MayBeGradient(string name) =>
        name.Length > 1
        && (name[0] == 'd' || name.StartsWith("grad", System.StringComparison.Ordinal) || name.EndsWith("Grad", System.StringComparison.Ordinal));

    /// <summary>The names the variable may have, most specific first (the caller keeps the first that exists).</summary>
    public static IEnumerable<string> CandidateVariables(string name)
    {
        if (name.Length > 3 && name.StartsWith("dLd", System.StringComparison.Ordinal))
            foreach (var candidate in WithFlippedInitial(name.Substring(3))) yield return candidate;
        if (name.Length > 4 && name.StartsWith("grad", System.StringComparison.Ordinal))
            foreach (var candidate in WithFlippedInitial(name.Substring(4))) yield return candidate;
        if (name.Length > 4 && name.EndsWith("Grad", System.StringComparison.Ordinal))
            foreach (var candidate in WithFlippedInitial(name.Substring(0, name.Length - 4))) yield return candidate;
        if (name.Length > 1 && name[0] == 'd')
            foreach (var candidate in WithFlippedInitial(name.Substring(1))) yield return candidate;
    }

    private static IEnumerable<string> WithFlippedInitial(string variable)
    {
        if (variable.Length == 0 || !(char.IsLetter(variable[0]) || variable[0] == '_')) yield break;
        yield return variable;
        var first = variable[0];
        var flipped = char.IsUpper(first) ? char.ToLowerInvariant(first) : char.ToUpperInvariant(first);
        if (flipped != first) yield return flipped + variable.Substring(1);
    }
}
