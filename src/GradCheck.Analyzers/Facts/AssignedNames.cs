using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
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
        var escaped = Regex.Escape(name);
        var pattern = new Regex(
            $@"(?<![\w.])(?:this\s*\.\s*)?{escaped}\s*(?:(?:[-+*/%&|^]|<<|>>|\?\?)?=(?![=>])|\+\+|--)"
            + $@"|(?:\+\+|--|\bref\s|\bout\s)\s*(?:this\s*\.\s*)?{escaped}\b",
            RegexOptions.CultureInvariant);
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            var root = reference.SyntaxTree.GetRoot();
            var span = reference.Span;
            var text = reference.SyntaxTree.GetText().ToString(span);
            foreach (Match match in pattern.Matches(text))
                yield return (root, span.Start + match.Index + match.Value.IndexOf(name, System.StringComparison.Ordinal));
        }
    }

    private static bool IsConstructionCode(SyntaxNode member) =>
        member is ConstructorDeclarationSyntax constructor && !constructor.Modifiers.Any(SyntaxKind.StaticKeyword)
        || member is FieldDeclarationSyntax or PropertyDeclarationSyntax { Initializer: not null };
}
