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
    private readonly ConcurrentDictionary<ITypeSymbol, ImmutableHashSet<string>> _typeSymbols = new(SymbolEqualityComparer.Default);

    public CompilationShapeCache(MathNetSymbols types) => Types = types;

    public MathNetSymbols Types { get; }

    /// <summary>The size symbols named on the fields and properties of <paramref name="type"/> and its base types.</summary>
    public ImmutableHashSet<string> TypeLevelSymbols(ITypeSymbol? type)
    {
        if (type is null) return ImmutableHashSet<string>.Empty;
        return _typeSymbols.GetOrAdd(type.OriginalDefinition, t =>
        {
            var names = new HashSet<string>(System.StringComparer.Ordinal);
            for (var current = t; current is not null; current = current.BaseType)
                foreach (var member in current.GetMembers())
                    if (member is IFieldSymbol or IPropertySymbol && Annotation.Of(member, Types) is { } annotation)
                        names.UnionWith(annotation.SymbolNames);
            return names.ToImmutableHashSet(System.StringComparer.Ordinal);
        });
    }
}
