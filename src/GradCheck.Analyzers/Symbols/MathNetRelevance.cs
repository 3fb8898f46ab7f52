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

    /// <summary>
    /// Whether a body may assign a local from a lambda or local function, or pass one by ref or out (then those locals are
    /// not tracked): read from the text (=>, delegate, ref, out), which can only say yes too often.
    /// </summary>
    public static bool MayCaptureOrPassByReference(SyntaxNode body)
    {
        var text = body.SyntaxTree.GetText().ToString(body.Span);
        var arrows = 0;
        for (var at = text.IndexOf("=>", StringComparison.Ordinal); at >= 0; at = text.IndexOf("=>", at + 2, StringComparison.Ordinal)) arrows++;
        // An expression-bodied member's own => is not a lambda.
        if (arrows > (body is MemberDeclarationSyntax or AccessorDeclarationSyntax && ExpressionBodied(body) ? 1 : 0)) return true;
        return ContainsWord(text, "delegate") || ContainsWord(text, "ref") || ContainsWord(text, "out");
    }

    private static bool ExpressionBodied(SyntaxNode body) => body switch
    {
        MethodDeclarationSyntax method => method.ExpressionBody is not null,
        PropertyDeclarationSyntax property => property.ExpressionBody is not null,
        AccessorDeclarationSyntax accessor => accessor.ExpressionBody is not null,
        ConstructorDeclarationSyntax constructor => constructor.ExpressionBody is not null,
        OperatorDeclarationSyntax op => op.ExpressionBody is not null,
        _ => false,
    };

    private static bool ContainsWord(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
            if ((at == 0 || !IsIdentifierPart(text[at - 1])) && (at + word.Length >= text.Length || !IsIdentifierPart(text[at + word.Length]))) return true;
        return false;
    }

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>Whether the text names one of the interesting identifiers, scanned without building tokens.</summary>
    private static bool MentionsAny(string text, HashSet<string> interesting, bool[] lengths)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!(char.IsLetter(text[i]) || text[i] == '_'))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && IsIdentifierPart(text[i])) i++;
            var length = i - start;
            // Only identifiers of a length some interesting name has are looked up (no string made for the others).
            if (length < lengths.Length && lengths[length] && interesting.Contains(text.Substring(start, length))) return true;
        }

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
        return MentionsAny(body.SyntaxTree.GetText().ToString(body.Span), interesting, NameLengths);
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

    /// <summary>Which identifier lengths (below 256) occur among the interesting names.</summary>
    private bool[] NameLengths => nameLengths ??= LengthsOf(Names());

    private bool[]? nameLengths;

    private static bool[] LengthsOf(HashSet<string> found)
    {
        var lengths = new bool[256];
        foreach (var name in found)
            if (name.Length < lengths.Length) lengths[name.Length] = true;
        return lengths;
    }

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
