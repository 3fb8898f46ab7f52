using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace GradCheck.Analyzers.Symbols;

/// <summary>
/// The text of one piece of code, copied once into a buffer of the thread (no string made per body) for the cheap
/// scans that decide, before anything is bound, whether the code is worth analysing.
/// </summary>
internal sealed class CodeText
{
    [ThreadStatic]
    private static CodeText? perThread;

    private char[] buffer = new char[4096];

    private CodeText()
    {
    }

    /// <summary>The number of characters held.</summary>
    public int Length { get; private set; }

    /// <summary>The character at an index below <see cref="Length"/>.</summary>
    public char this[int index] => buffer[index];

    /// <summary>The text of <paramref name="node"/>, in this thread's buffer (valid until the thread's next call).</summary>
    public static CodeText Of(SyntaxNode node)
    {
        var text = perThread ??= new CodeText();
        text.Load(node.SyntaxTree.GetText(), node.Span);
        return text;
    }

    private void Load(SourceText source, TextSpan span)
    {
        if (buffer.Length < span.Length) buffer = new char[Math.Max(span.Length, buffer.Length * 2)];
        source.CopyTo(span.Start, buffer, 0, span.Length);
        Length = span.Length;
    }

    /// <summary>Whether an identifier of the text is one of <paramref name="names"/> (scanned without building tokens).</summary>
    public bool MentionsAny(NameSet names)
    {
        var i = 0;
        while (i < Length)
        {
            var c = buffer[i];
            if (!(char.IsLetter(c) || c == '_'))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < Length && IsIdentifierPart(buffer[i])) i++;
            if (names.Contains(buffer, start, i - start)) return true;
        }

        return false;
    }

    /// <summary>Whether the character occurs.</summary>
    public bool Contains(char c) => Array.IndexOf(buffer, c, 0, Length) >= 0;

    /// <summary>How often <c>=&gt;</c> occurs.</summary>
    public int Arrows()
    {
        var count = 0;
        for (var i = 0; i + 1 < Length; i++)
            if (buffer[i] == '=' && buffer[i + 1] == '>') count++;
        return count;
    }

    /// <summary>Whether <paramref name="word"/> occurs as a whole identifier.</summary>
    public bool ContainsWord(string word)
    {
        for (var at = 0; at + word.Length <= Length; at++)
        {
            if (buffer[at] != word[0] || at > 0 && IsIdentifierPart(buffer[at - 1])) continue;
            var end = at + word.Length;
            if (end < Length && IsIdentifierPart(buffer[end])) continue;
            var same = true;
            for (var k = 1; k < word.Length && same; k++) same = buffer[at + k] == word[k];
            if (same) return true;
        }

        return false;
    }

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';
}
