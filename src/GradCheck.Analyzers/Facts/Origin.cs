using Microsoft.CodeAnalysis;

namespace GradCheck.Analyzers.Facts;

/// <summary>Where a fact came from, as a message names it: the code (shortened) and its line.</summary>
internal sealed class Origin
{
    private const int MaxLength = 48;

    private Origin(string code, int line)
    {
        Code = code;
        Line = line;
    }

    /// <summary>The code on one line, shortened with … when long.</summary>
    public string Code { get; }

    /// <summary>1-based line number.</summary>
    public int Line { get; }

    public static Origin Of(SyntaxNode syntax)
    {
        var text = string.Join(" ", syntax.ToString().Split(new[] { ' ', '\t', '\r', '\n' }, System.StringSplitOptions.RemoveEmptyEntries));
        if (text.Length > MaxLength) text = text.Substring(0, MaxLength - 1) + "…";
        return new Origin(text, syntax.GetLocation().GetLineSpan().StartLinePosition.Line + 1);
    }

    /// <summary>"`x * W`, line 12".</summary>
    public override string ToString() => "`" + Code + "`, line " + Line;
}
