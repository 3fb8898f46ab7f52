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
    /// <summary>The names of MathNet's matrix and vector types, as declarations write them.</summary>
    private static readonly string[] MathNetTypeNames =
        ["Matrix", "Vector", "DenseMatrix", "DenseVector", "SparseMatrix", "SparseVector", "DiagonalMatrix"];

    /// <summary>What a body that makes or reads a matrix names, besides the types: the builders.</summary>
    private static readonly string[] MathNetBuilderNames = ["CreateMatrix", "CreateVector", "Build"];

    private readonly Compilation compilation;
    private readonly KnownSymbols types;
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> typesWithMathNetMembers;
    private readonly object namesGate = new();
    private volatile NameSet? names;

    public MathNetRelevance(Compilation compilation, KnownSymbols types)
    {
        this.compilation = compilation;
        this.types = types;
        typesWithMathNetMembers = Facts.ShapeContext.NewCache<INamedTypeSymbol, bool>(Facts.ShapeContext.CacheCapacity(compilation, 4));
    }

    /// <summary>
    /// Whether a body may assign a local from a lambda or local function, or pass one by ref or out (then those locals are
    /// not tracked): read from the text (=>, delegate, ref, out), which can only say yes too often.
    /// </summary>
    public static bool MayCaptureOrPassByReference(SyntaxNode body)
    {
        var text = CodeText.Of(body);
        // An expression-bodied member's own => is not a lambda.
        if (text.Arrows() > (body is MemberDeclarationSyntax or AccessorDeclarationSyntax && ExpressionBodied(body) ? 1 : 0)) return true;
        return text.ContainsWord("delegate") || text.ContainsWord("ref") || text.ContainsWord("out");
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

    public bool MayInvolveMathNet(SyntaxNode body, ISymbol owner)
    {
        // Types' own code blocks (attribute arguments) and enum members have no shapes to check.
        if (owner is not (IMethodSymbol or IFieldSymbol or IPropertySymbol)) return false;
        if (owner is IMethodSymbol method && Signature(method)) return true;
        if (owner is IFieldSymbol field && types.IsMatrixOrVector(field.Type)) return true;
        if (owner is IPropertySymbol property && types.IsMatrixOrVector(property.Type)) return true;
        if (owner.ContainingType is { } type && HasMathNetMembers(type)) return true;
        // The names first: collecting them scans declarations through the same per-thread text buffer.
        var names = Names();
        return CodeText.Of(body).MentionsAny(names);
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

    /// <summary>MathNet's type and builder names and the names of this compilation's members that take or give a matrix or vector.</summary>
    private NameSet Names()
    {
        if (names is { } known) return known;
        lock (namesGate)
            return names ??= CollectNames();
    }

    /// <summary>
    /// Read from the declarations' syntax, once per compilation: binding every member's signature here would do, first and
    /// on the analyzer's time, what the compiler does anyway. A member counts when its type or a parameter's type names a
    /// MathNet type, an alias of one or a class declared here that derives from one (which may say yes too often, never no).
    /// </summary>
    private NameSet CollectNames()
    {
        var typeNames = new NameSet(MathNetTypeNames);
        var matrixTypeNames = new List<string>();
        var derivedTypes = new List<BaseTypeDeclarationSyntax>();
        var members = new List<MemberDeclarationSyntax>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            foreach (var node in tree.GetRoot().DescendantNodes(DeclarationLevel))
            {
                switch (node)
                {
                    case UsingDirectiveSyntax { Alias: { } alias } usingDirective when Mentions(usingDirective.NamespaceOrType, typeNames):
                        matrixTypeNames.Add(alias.Name.Identifier.ValueText);
                        break;
                    case BaseTypeDeclarationSyntax { BaseList: not null } declared:
                        derivedTypes.Add(declared);
                        break;
                    case MethodDeclarationSyntax or PropertyDeclarationSyntax or FieldDeclarationSyntax:
                        members.Add((MemberDeclarationSyntax)node);
                        break;
                }
            }
        }

        foreach (var name in matrixTypeNames) typeNames.Add(name);
        // Classes deriving from a matrix type, through any number of classes declared here.
        for (var added = true; added;)
        {
            added = false;
            foreach (var declared in derivedTypes)
            {
                var name = declared.Identifier.ValueText;
                if (typeNames.Contains(name) || !Mentions(declared.BaseList!, typeNames)) continue;
                typeNames.Add(name);
                matrixTypeNames.Add(name);
                added = true;
            }
        }

        var found = new NameSet(MathNetTypeNames);
        foreach (var name in MathNetBuilderNames) found.Add(name);
        // Aliases and derived classes are names a body may write for a matrix, too.
        foreach (var name in matrixTypeNames) found.Add(name);
        foreach (var member in members)
        {
            switch (member)
            {
                case MethodDeclarationSyntax method when Mentions(method.ReturnType, typeNames) || Mentions(method.ParameterList, typeNames):
                    found.Add(method.Identifier.ValueText);
                    break;
                case PropertyDeclarationSyntax property when Mentions(property.Type, typeNames):
                    found.Add(property.Identifier.ValueText);
                    break;
                case FieldDeclarationSyntax field when Mentions(field.Declaration.Type, typeNames):
                    foreach (var variable in field.Declaration.Variables) found.Add(variable.Identifier.ValueText);
                    break;
            }
        }

        return found;
    }

    /// <summary>Namespaces, types and their member lists: never a body, never an expression.</summary>
    private static bool DeclarationLevel(SyntaxNode node) => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax;

    private static bool Mentions(SyntaxNode node, NameSet names)
    {
        // A scan of the text, which sees an identifier wherever a token has one (and in comments and strings too: yes too
        // often, never no), except one written with a Unicode escape: only then are the tokens walked.
        var text = CodeText.Of(node);
        if (!text.Contains('\\')) return text.MentionsAny(names);
        foreach (var token in node.DescendantTokens())
            if (token.IsKind(SyntaxKind.IdentifierToken) && names.Contains(token.ValueText)) return true;
        return false;
    }
}
