using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using GradCheck.Analyzers.Model;
using GradCheck.Analyzers.Symbols;
using GradCheck.Dims;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GradCheck.Analyzers.Facts;

/// <summary>
/// What all analyses of one compilation share, computed once and safe for concurrent use: the known types, annotations,
/// the type-level size symbols, each type's constructor facts and each callee's signature.
/// </summary>
internal sealed class ShapeContext
{
    private readonly ConcurrentDictionary<ISymbol, Annotation?> annotations;
    private readonly ConcurrentDictionary<IMethodSymbol, Annotation?> returnAnnotations;
    private readonly ConcurrentDictionary<ITypeSymbol, ImmutableHashSet<string>> typeLevelSymbols;
    private readonly ConcurrentDictionary<INamedTypeSymbol, TypeFacts> typeFacts;
    private readonly ConcurrentDictionary<INamedTypeSymbol, AssignedNames> assignedNames;
    private readonly ConcurrentDictionary<IMethodSymbol, MethodSignature?> signatures;

    [ThreadStatic]
    private static HashSet<INamedTypeSymbol>? typesInProgress;

    // Made once: a lambda capturing this would be a new delegate on every lookup, and lookups are frequent.
    private readonly Func<ISymbol, Annotation?> readAnnotation;
    private readonly Func<IMethodSymbol, Annotation?> readReturnAnnotation;
    private readonly Func<ITypeSymbol, ImmutableHashSet<string>> collectTypeLevelSymbols;

    public ShapeContext(Compilation compilation, KnownSymbols types)
    {
        Compilation = compilation;
        Types = types;
        // Sized for the compilation and striped finely: growing a table takes every lock, and on a busy machine a
        // preempted holder stalls every other callback that adds.
        var perType = CacheCapacity(compilation, 4);
        var perMember = CacheCapacity(compilation, 32);
        annotations = NewCache<ISymbol, Annotation?>(perMember);
        returnAnnotations = NewCache<IMethodSymbol, Annotation?>(perMember);
        typeLevelSymbols = NewCache<ITypeSymbol, ImmutableHashSet<string>>(perType);
        typeFacts = NewCache<INamedTypeSymbol, TypeFacts>(perType);
        assignedNames = NewCache<INamedTypeSymbol, AssignedNames>(perType);
        signatures = NewCache<IMethodSymbol, MethodSignature?>(perMember);
        readAnnotation = symbol => Annotation.OnSymbol(symbol, Types);
        readReturnAnnotation = method => Annotation.OnReturn(method, Types);
        collectTypeLevelSymbols = CollectTypeLevelSymbols;
    }

    public Compilation Compilation { get; }

    public KnownSymbols Types { get; }

    /// <summary>The [Shape] of a parameter, field or property, read once.</summary>
    public Annotation? AnnotationOf(ISymbol symbol) =>
        // Most symbols carry no attribute at all: no need to hash them into the cache.
        symbol is IParameterSymbol or IFieldSymbol or IPropertySymbol && !symbol.GetAttributes().IsEmpty
            ? annotations.GetOrAdd(symbol, readAnnotation)
            : null;

    /// <summary>The <c>[return: Shape]</c> of a method, read once.</summary>
    public Annotation? ReturnAnnotationOf(IMethodSymbol method) =>
        method.GetReturnTypeAttributes().IsEmpty ? null : returnAnnotations.GetOrAdd(method, readReturnAnnotation);

    /// <summary>The size symbols named on the fields and properties of a type and its base types (shared by all its members).</summary>
    public ImmutableHashSet<string> TypeLevelSymbols(ITypeSymbol? type)
    {
        if (type is null) return ImmutableHashSet<string>.Empty;
        return typeLevelSymbols.GetOrAdd(Definition(type), collectTypeLevelSymbols);
    }

    /// <summary>Lock stripes of a cache: more than the callbacks that may add at once.</summary>
    private const int ConcurrencyLevel = 32;

    /// <summary>A cache keyed by symbols, sized for <paramref name="capacity"/> entries.</summary>
    internal static ConcurrentDictionary<TKey, TValue> NewCache<TKey, TValue>(int capacity)
        where TKey : class, ISymbol => new(ConcurrencyLevel, capacity, SymbolEqualityComparer.Default);

    /// <summary>About <paramref name="perTree"/> entries per syntax tree, within bounds.</summary>
    internal static int CacheCapacity(Compilation compilation, int perTree)
    {
        var trees = 0;
        foreach (var _ in compilation.SyntaxTrees) trees++;
        return Math.Max(31, Math.Min(1 << 16, trees * perTree));
    }

    /// <summary>
    /// The original definition, without asking for it where it is the type itself (a type that is neither generic nor
    /// nested): the public symbol API makes that call dear, and the analysis asks it of every body.
    /// </summary>
    internal static ITypeSymbol Definition(ITypeSymbol type) =>
        type is INamedTypeSymbol { IsGenericType: false, ContainingType: null } ? type : type.OriginalDefinition;

    /// <summary>The original definition of a method, without asking where it is the method itself.</summary>
    internal static IMethodSymbol Definition(IMethodSymbol method) =>
        method is { MethodKind: MethodKind.Ordinary, IsGenericMethod: false, ContainingType: { IsGenericType: false, ContainingType: null } }
            ? method
            : method.OriginalDefinition;

    private ImmutableHashSet<string> CollectTypeLevelSymbols(ITypeSymbol type)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var current = type; current is not null; current = current.BaseType)
            foreach (var member in current.GetMembers())
                if (member is IFieldSymbol or IPropertySymbol && AnnotationOf(member)?.Shape is { } shape)
                    foreach (var dim in shape.Dims)
                        if (dim is not null) names.UnionWith(dim.Symbols);
        return names.ToImmutableHashSet(StringComparer.Ordinal);
    }

    /// <summary>What the constructors of a type establish for its methods (none while they are being analysed).</summary>
    public TypeFacts FactsOf(INamedTypeSymbol? type)
    {
        if (type is null || type.DeclaringSyntaxReferences.IsEmpty) return TypeFacts.None;
        if (typeFacts.TryGetValue(type, out var known)) return known;
        typesInProgress ??= new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        if (!typesInProgress.Add(type)) return TypeFacts.None;
        try
        {
            return typeFacts.GetOrAdd(type, TypeFactsBuilder.Build(this, type));
        }
        finally
        {
            typesInProgress.Remove(type);
        }
    }

    /// <summary>True when code of the member's type assigns it (then a size symbol named after it would not be one size).</summary>
    public bool IsAssignedInType(ISymbol member) => member.ContainingType is { } type && NamesAssignedIn(type).Anywhere(member.Name);

    /// <summary>Where a type's code assigns member names, anywhere and outside its constructors and initialisers.</summary>
    public AssignedNames NamesAssignedIn(INamedTypeSymbol type) => assignedNames.GetOrAdd(type, t => new AssignedNames(t));

    /// <summary>
    /// The signature a call of <paramref name="method"/> uses: declared with [Shape], or inferred from the body of a
    /// non-virtual method of this compilation; null when neither (recursion, virtual and interface calls, other assemblies).
    /// </summary>
    public MethodSignature? SignatureOf(IMethodSymbol method, HelperStack stack)
    {
        method = Definition(method);
        if (signatures.TryGetValue(method, out var known)) return known;
        if (Declared(method) is { } declared) return signatures.GetOrAdd(method, declared);
        if (!CanInfer(method)) return signatures.GetOrAdd(method, (MethodSignature?)null);
        if (stack.IsRecursive(method) || stack.Depth >= MaxHelperDepth) return null;

        var index = stack.Push(method);
        MethodSignature? inferred = null;
        var inCycle = false;
        try
        {
            inferred = MethodInference.Summarize(this, method, stack);
        }
        finally
        {
            inCycle = stack.Pop(index);
        }

        return signatures.GetOrAdd(method, inCycle ? null : inferred);
    }

    private MethodSignature? Declared(IMethodSymbol method)
    {
        var any = ReturnAnnotationOf(method)?.Shape is not null;
        var shapes = ImmutableArray.CreateBuilder<Shape?>(method.Parameters.Length);
        var sizes = ImmutableArray.CreateBuilder<DimExpression?>(method.Parameters.Length);
        foreach (var parameter in method.Parameters)
        {
            var shape = AnnotationOf(parameter)?.Shape;
            any |= shape is not null;
            shapes.Add(shape);
            sizes.Add(parameter.Type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 ? DimExpression.Symbol(parameter.Name) : null);
        }

        if (!any) return null;
        return new MethodSignature(
            shapes.MoveToImmutable(), sizes.MoveToImmutable(), ReturnAnnotationOf(method)?.Shape, false, TypeLevelSymbols(method.ContainingType));
    }

    /// <summary>How deep helpers calling helpers are followed; deeper calls are unknown.</summary>
    private const int MaxHelperDepth = 3;

    /// <summary>Helpers are short: a longer body is not summarised (its calls are unknown), which bounds the cost of a summary.</summary>
    private const int MaxHelperLength = 1500;

    private bool CanInfer(IMethodSymbol method) =>
        method.MethodKind is MethodKind.Ordinary or MethodKind.LocalFunction
        && method.DeclaringSyntaxReferences.Length == 1 && method.DeclaringSyntaxReferences[0].Span.Length <= MaxHelperLength
        && !method.IsVirtual && !method.IsAbstract && !method.IsOverride && !method.IsExtern && !method.IsGenericMethod
        && method.ContainingType?.TypeKind is TypeKind.Class or TypeKind.Struct
        && Types.IsMatrixOrVector(method.ReturnType);

    /// <summary>
    /// The semantic model of a tree of this compilation (a helper or a member declared in another file than the one
    /// analysed). RS1030 warns that a new model rebinds everything; it does not apply here: inside the analyzer driver the
    /// compilation's semantic model provider hands out the driver's shared, caching model for the tree.
    /// </summary>
    public SemanticModel ModelOf(SyntaxTree tree)
    {
#pragma warning disable RS1030 // The driver's provider returns its shared model (see the summary).
        return Compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
    }

    /// <summary>The body of a member of this compilation, bound through the compilation's shared semantic model.</summary>
    public IOperation? BodyOf(SyntaxNode declaration)
    {
        var model = ModelOf(declaration.SyntaxTree);
        return declaration switch
        {
            MethodDeclarationSyntax or ConstructorDeclarationSyntax or LocalFunctionStatementSyntax => model.GetOperation(declaration),
            VariableDeclaratorSyntax { Initializer: { } initializer } => model.GetOperation(initializer),
            PropertyDeclarationSyntax { Initializer: { } initializer } => model.GetOperation(initializer),
            _ => null,
        };
    }
}
