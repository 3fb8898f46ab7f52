using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GradCheck.Analyzers.Symbols;

/// <summary>
/// Decides, before a body is bound, whether it may involve a MathNet matrix or vector: its signature or its type's
/// members have one, or it names a MathNet type or a member of this compilation that has one. Bodies that do not
/// (numeric kernels over arrays, I/O, the rest of a large code base) are never bound for the analysis.
/// </summary>
internal sealed class MathNetRelevance
{
    private static readonly string[] MathNetNames =
    [
        "Matrix", "Vector", "DenseMatrix", "DenseVector", "SparseMatrix", "SparseVector", "DiagonalMatrix", "CreateMatrix", "CreateVector", "Build",
    ];

    private readonly Compilation compilation;
    private readonly KnownSymbols types;
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> typesWithMathNetMembers = new(SymbolEqualityComparer.Default);
    private readonly Lazy<HashSet<string>> names;

    public MathNetRelevance(Compilation compilation, KnownSymbols types)
    {
        this.compilation = compilation;
        this.types = types;
        // Once per compilation, by one thread: it visits every member symbol of the compilation.
        names = new Lazy<HashSet<string>>(CollectNames, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Whether a body may assign a local from a lambda or local function, or pass one by ref or out (then those locals are not tracked).</summary>
    public static bool MayCaptureOrPassByReference(SyntaxNode body)
    {
        foreach (var token in body.DescendantTokens())
            if (token.IsKind(SyntaxKind.EqualsGreaterThanToken)
                && token.Parent is not ArrowExpressionClauseSyntax { Parent: MemberDeclarationSyntax or AccessorDeclarationSyntax }
                || token.IsKind(SyntaxKind.DelegateKeyword) || token.IsKind(SyntaxKind.RefKeyword) || token.IsKind(SyntaxKind.OutKeyword)
                || token.Parent is LocalFunctionStatementSyntax)
                return true;
        return false;
    }

    public bool MayInvolveMathNet(SyntaxNode body, ISymbol owner)
    {
        // Types' own code blocks (attribute arguments) and enum members have no shapes to check.
        if (owner is not (IMethodSymbol or IFieldSymbol or IPropertySymbol)) return false;
        if (owner is IMethodSymbol method && Signature(method)) return true;
        if (owner is IFieldSymbol field && types.IsMatrixOrVector(field.Type)) return true;
        if (owner is IPropertySymbol property && types.IsMatrixOrVector(property.Type)) return true;
        if (owner.ContainingType is { } type && HasMathNetMembers(type)) return true;
        var interesting = Names();
        foreach (var token in body.DescendantTokens())
            if (token.IsKind(SyntaxKind.IdentifierToken) && interesting.Contains(token.ValueText)) return true;
        return false;
    }

    private bool Signature(IMethodSymbol method)
    {
        if (types.IsMatrixOrVector(method.ReturnType)) return true;
        foreach (var parameter in method.Parameters)
            if (types.IsMatrixOrVector(parameter.Type)) return true;
        return method.AssociatedSymbol is IPropertySymbol property && types.IsMatrixOrVector(property.Type);
    }

    private bool HasMathNetMembers(INamedTypeSymbol type) => typesWithMathNetMembers.GetOrAdd(type, t =>
    {
        foreach (var member in t.GetMembers())
            if (member is IFieldSymbol field && types.IsMatrixOrVector(field.Type)
                || member is IPropertySymbol property && types.IsMatrixOrVector(property.Type))
                return true;
        return false;
    });

    /// <summary>MathNet's type names and the names of this compilation's members that take or give a matrix or vector.</summary>
    private HashSet<string> Names() => names.Value;

    private HashSet<string> CollectNames()
    {
        var found = new HashSet<string>(MathNetNames, StringComparer.Ordinal);
        foreach (var symbol in compilation.GetSymbolsWithName(_ => true, SymbolFilter.Member))
        {
            var involves = symbol switch
            {
                IMethodSymbol method => Signature(method),
                IFieldSymbol field => types.IsMatrixOrVector(field.Type),
                IPropertySymbol property => types.IsMatrixOrVector(property.Type),
                _ => false,
            };
            if (involves) found.Add(symbol.Name);
        }

        return found;
    }
}
