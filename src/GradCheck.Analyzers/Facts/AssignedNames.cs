using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GradCheck.Analyzers.Facts;

/// <summary>
/// Where a type's code assigns a member name (x = …, this.x = …, x += …, x++, ref x, out x): found in the type's source
/// text, so that no syntax tree is walked for the many members nobody assigns. A local of the same name counts too: that
/// can only lose a fact, never invent one.
/// </summary>
internal sealed class AssignedNames
{
    private readonly INamedTypeSymbol type;
    private readonly Dictionary<string, List<SyntaxNode>?> outsideConstructors = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, bool> anywhere = new(System.StringComparer.Ordinal);

    public AssignedNames(INamedTypeSymbol type) => this.type = type;

    /// <summary>Whether code of the type assigns the name anywhere (constructors included).</summary>
    public bool Anywhere(string name)
    {
        lock (anywhere)
        {
            if (!anywhere.TryGetValue(name, out var found)) anywhere[name] = found = Matches(name).Any();
            return found;
        }
    }

    /// <summary>The member declarations (methods, accessors...) that assign the name outside the instance constructors and initialisers.</summary>
    public IReadOnlyList<SyntaxNode> OutsideConstructors(string name)
    {
        lock (outsideConstructors)
        {
            if (outsideConstructors.TryGetValue(name, out var known)) return known ?? (IReadOnlyList<SyntaxNode>)System.Array.Empty<SyntaxNode>();
            var members = new List<SyntaxNode>();
            foreach (var (root, position) in Matches(name))
            {
                var member = root.FindToken(position).Parent?.AncestorsAndSelf().FirstOrDefault(n => n is MemberDeclarationSyntax or AccessorDeclarationSyntax
                    || n is LocalFunctionStatementSyntax);
                if (member is LocalFunctionStatementSyntax) member = member.Ancestors().FirstOrDefault(n => n is MemberDeclarationSyntax);
                if (member is null || IsConstructionCode(member) || members.Contains(member)) continue;
                // An accessor is analysed as part of its property.
                members.Add(member is AccessorDeclarationSyntax ? member.Parent?.Parent ?? member : member);
            }

            outsideConstructors[name] = members;
            return members;
        }
    }

    private IEnumerable<(SyntaxNode Root, int Position)> Matches(string name)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            var span = reference.Span;
            var text = reference.SyntaxTree.GetText().ToString(span);
            SyntaxNode? root = null;
            var ordinal = System.StringComparison.Ordinal;
            for (var at = text.IndexOf(name, ordinal); at >= 0; at = text.IndexOf(name, at + name.Length, ordinal))
            {
                if (!IsAssignedAt(text, at, name.Length)) continue;
                root ??= reference.SyntaxTree.GetRoot();
                yield return (root, span.Start + at);
            }
        }
    }

    /// <summary>Whether the name at <paramref name="at"/> is a whole identifier being assigned: x = , x += , x++ , ++x , ref x , out x.</summary>
    private static bool IsAssignedAt(string text, int at, int length)
    {
        var end = at + length;
        if (at > 0 && IsIdentifierPart(text[at - 1]) || end < text.Length && IsIdentifierPart(text[end])) return false;
        var before = at - 1;
        while (before >= 0 && char.IsWhiteSpace(text[before])) before--;
        // Another object's member (other.x = …) is not this object's; this.x is.
        if (before >= 0 && text[before] == '.')
        {
            var dot = before - 1;
            while (dot >= 0 && char.IsWhiteSpace(text[dot])) dot--;
            if (dot < 3 || text.Substring(dot - 3, 4) != "this" || dot >= 4 && IsIdentifierPart(text[dot - 4])) return false;
            before = dot - 4;
            while (before >= 0 && char.IsWhiteSpace(text[before])) before--;
        }

        if (before >= 1 && (text[before] == '+' && text[before - 1] == '+' || text[before] == '-' && text[before - 1] == '-')) return true;
        if (EndsWithWord(text, before, "ref") || EndsWithWord(text, before, "out")) return true;

        var after = end;
        while (after < text.Length && char.IsWhiteSpace(text[after])) after++;
        if (after + 1 < text.Length && (text[after] == '+' && text[after + 1] == '+' || text[after] == '-' && text[after + 1] == '-')) return true;
        // x = , x op= (but not x == or x =>).
        var equals = after;
        while (equals < text.Length && equals < after + 3 && "+-*/%&|^<>?".IndexOf(text[equals]) >= 0) equals++;
        return equals < text.Length && text[equals] == '=' && (equals + 1 >= text.Length || text[equals + 1] is not ('=' or '>'))
            && !(equals == after + 1 && text[after] is '<' or '>' or '!');
    }

    private static bool EndsWithWord(string text, int last, string word) =>
        last + 1 >= word.Length && string.CompareOrdinal(text, last - word.Length + 1, word, 0, word.Length) == 0
        && (last - word.Length < 0 || !IsIdentifierPart(text[last - word.Length]));

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static bool IsConstructionCode(SyntaxNode member) =>
        member is ConstructorDeclarationSyntax constructor && !constructor.Modifiers.Any(SyntaxKind.StaticKeyword)
        || member is FieldDeclarationSyntax or PropertyDeclarationSyntax { Initializer: not null };
}
