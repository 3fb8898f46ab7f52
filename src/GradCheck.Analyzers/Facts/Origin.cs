using Microsoft.CodeAnalysis;

namespace GradCheck.Analyzers.Facts;

/// <summary>
/// Where a fact came from, as a message names it: the code (shortened) and its line. Computed only when a message
/// needs it — origins are recorded for every use that fixes a size, and almost none is ever shown.
/// </summary>
internal sealed class Origin
{
    private const int MaxLength = 48;

    private readonly SyntaxNode syntax;

    private Origin(SyntaxNode syntax) => this.syntax = syntax;

    /// <summary>The code on one line, shortened with … when long.</summary>
    public string Code => Shorten(syntax);

    /// <summary>1-based line number.</summary>
    public int Line => syntax.GetLocation().GetLineSpan().StartLinePosition.Line + 1;

    public static Origin At(SyntaxNode syntax) => new(syntax);

    /// <summary>Code as a message quotes it: on one line, at most 48 characters.</summary>
    public static string Shorten(SyntaxNode syntax)
    {
        var text = string.Join(" ", syntax.ToString().Split(new[] { ' ', '\t', '\r', '\n' }, System.StringSplitOptions.RemoveEmptyEntries));
        return text.Length > MaxLength ? text.Substring(0, MaxLength - 1) + "…" : text;
    }

    /// <summary>"`x * W`, line 12".</summary>
    public override string ToString() => "`" + Code + "`, line " + Line;
}
