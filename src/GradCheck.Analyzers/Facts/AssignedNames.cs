using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GradCheck.Analyzers.Facts;

/// <summary>
/// The names a type's code assigns (x = …, this.x = …, x += …, x++, ref x, out x), read from syntax alone: anywhere, and
/// outside its instance constructors and initialisers, with the members doing the latter.
/// </summary>
internal sealed class AssignedNames
{
    private AssignedNames(HashSet<string> anywhere, Dictionary<string, List<SyntaxNode>> outsideConstructors)
    {
        Anywhere = anywhere;
        OutsideConstructors = outsideConstructors;
    }

    public IReadOnlyCollection<string> Anywhere { get; }

    /// <summary>Name → the member declarations (methods, accessors...) that assign it outside the constructors.</summary>
    public IReadOnlyDictionary<string, List<SyntaxNode>> OutsideConstructors { get; }

    public static AssignedNames Collect(INamedTypeSymbol type)
    {
        var anywhere = new HashSet<string>(System.StringComparer.Ordinal);
        var outside = new Dictionary<string, List<SyntaxNode>>(System.StringComparer.Ordinal);
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            foreach (var node in reference.GetSyntax().DescendantNodes())
            {
                var target = node switch
                {
                    AssignmentExpressionSyntax assignment => assignment.Left,
                    PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression } prefix => prefix.Operand,
                    PostfixUnaryExpressionSyntax postfix => postfix.Operand,
                    ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.RefKeyword or (int)SyntaxKind.OutKeyword } argument => argument.Expression,
                    _ => null,
                };
                if (NameOf(target) is not { } name) continue;
                anywhere.Add(name);
                if (EnclosingMember(node) is { } member && !IsConstructionCode(member))
                {
                    if (!outside.TryGetValue(name, out var members)) outside[name] = members = new List<SyntaxNode>();
                    if (!members.Contains(member)) members.Add(member);
                }
            }
        }

        return new AssignedNames(anywhere, outside);
    }

    private static string? NameOf(ExpressionSyntax? target) => target switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access => access.Name.Identifier.ValueText,
        _ => null,
    };

    private static SyntaxNode? EnclosingMember(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
            if (current is MemberDeclarationSyntax or AccessorDeclarationSyntax) return current is AccessorDeclarationSyntax ? current : current;
        return null;
    }

    private static bool IsConstructionCode(SyntaxNode member) =>
        member is ConstructorDeclarationSyntax constructor && !constructor.Modifiers.Any(SyntaxKind.StaticKeyword)
        || member is FieldDeclarationSyntax or PropertyDeclarationSyntax { Initializer: not null };
}
