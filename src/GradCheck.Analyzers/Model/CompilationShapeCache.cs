using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace GradCheck.Analyzers.Model;

/// <summary>
/// Per-compilation facts shared by all method analyses (safe for concurrent use): the recognised types and, per type,
/// the size symbols its fields and properties name (those are shared by all its members; the rest are per call).
/// </summary>
internal sealed class CompilationShapeCache
{
    private readonly ConcurrentDictionary<ITypeSymbol, ImmutableHashSet<string>> typeSymbols = new(SymbolEqualityComparer.Default);

    private readonly ConcurrentDictionary<ISymbol, Annotation?> annotations = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, Annotation?> returnAnnotations = new(SymbolEqualityComparer.Default);

    public CompilationShapeCache(MathNetSymbols types) => Types = types;

    /// <summary>The annotation of a parameter, field or property, read once per compilation.</summary>
    public Annotation? AnnotationOf(ISymbol symbol) =>
        symbol is IParameterSymbol or IFieldSymbol or IPropertySymbol ? annotations.GetOrAdd(symbol, s => Annotation.Of(s, Types)) : null;

    /// <summary>The <c>[return: Shape]</c> annotation of a method, read once per compilation.</summary>
    public Annotation? ReturnAnnotationOf(IMethodSymbol method) => returnAnnotations.GetOrAdd(method, m => Annotation.OfReturn(m, Types));

    public MathNetSymbols Types { get; }

    /// <summary>The size symbols named on the fields and properties of <paramref name="type"/> and its base types.</summary>
    public ImmutableHashSet<string> TypeLevelSymbols(ITypeSymbol? type)
    {
        if (type is null) return ImmutableHashSet<string>.Empty;
        return typeSymbols.GetOrAdd(type.OriginalDefinition, t =>
        {
            var names = new HashSet<string>(System.StringComparer.Ordinal);
            for (var current = t; current is not null; current = current.BaseType)
                foreach (var member in current.GetMembers())
                    if (member is IFieldSymbol or IPropertySymbol && AnnotationOf(member) is { } annotation)
                        names.UnionWith(annotation.SymbolNames);
            return names.ToImmutableHashSet(System.StringComparer.Ordinal);
        });
    }
}
