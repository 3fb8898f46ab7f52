using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace GradCheck.Analyzers.Symbols;

/// <summary>
/// Finds a type by walking the compilation's namespaces, as binding a qualified name does. Unlike
/// <c>Compilation.GetTypeByMetadataName</c> it never reads the type forwarders of every referenced assembly (the many
/// facades of a framework reference), a cost the compiler itself does not pay and that a lookup of an absent type
/// (GradCheck's, in a project without them) would pay in full.
/// </summary>
internal static class TypeLookup
{
    /// <summary>The namespace at the path (merged across the compilation and its references); null when absent.</summary>
    public static INamespaceSymbol? Namespace(Compilation compilation, params string[] path)
    {
        INamespaceSymbol? current = compilation.GlobalNamespace;
        foreach (var name in path)
        {
            INamespaceSymbol? next = null;
            foreach (var member in current.GetMembers(name))
            {
                if (member is INamespaceSymbol found)
                {
                    next = found;
                    break;
                }
            }

            if (next is null) return null;
            current = next;
        }

        return current;
    }

    /// <summary>
    /// The one type of that name and arity in the namespace: the compilation's own when it declares one, else the only
    /// referenced one (null when several assemblies declare it, as <c>GetTypeByMetadataName</c> decides).
    /// </summary>
    public static INamedTypeSymbol? Single(Compilation compilation, INamespaceSymbol? container, string name, int arity)
    {
        var candidates = All(container, name, arity);
        if (candidates.Length == 1) return candidates[0];
        foreach (var candidate in candidates)
            if (SymbolEqualityComparer.Default.Equals(candidate.ContainingAssembly, compilation.Assembly)) return candidate;
        return null;
    }

    /// <summary>Every type of that name and arity the namespace holds, from any assembly.</summary>
    public static ImmutableArray<INamedTypeSymbol> All(INamespaceSymbol? container, string name, int arity) =>
        container is null ? ImmutableArray<INamedTypeSymbol>.Empty : container.GetTypeMembers(name, arity);
}
