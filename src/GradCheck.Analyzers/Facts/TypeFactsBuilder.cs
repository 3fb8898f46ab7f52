using System.Collections.Generic;
using GradCheck.Analyzers.Model;
using GradCheck.Dims;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GradCheck.Analyzers.Facts;

/// <summary>
/// Builds a type's <see cref="TypeFacts"/>: analyses each constructor that does not chain to another (with the field
/// initialisers), keeps what every one of them gives each member, then drops what a method elsewhere in the type
/// assigns differently.
/// </summary>
internal static class TypeFactsBuilder
{
    public static TypeFacts Build(ShapeContext context, INamedTypeSymbol type)
    {
        var initializers = new List<SyntaxNode>();
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not TypeDeclarationSyntax declaration) continue;
            foreach (var member in declaration.Members)
            {
                if (member is FieldDeclarationSyntax field && !IsStatic(field.Modifiers))
                    foreach (var variable in field.Declaration.Variables)
                        if (variable.Initializer is not null) initializers.Add(variable);
                if (member is PropertyDeclarationSyntax { Initializer: not null } property && !IsStatic(property.Modifiers)) initializers.Add(property);
            }
        }

        var results = new List<ConstructorResult>();
        var explicitConstructors = false;
        foreach (var constructor in type.InstanceConstructors)
        {
            if (constructor.IsImplicitlyDeclared || constructor.DeclaringSyntaxReferences.IsEmpty) continue;
            explicitConstructors = true;
            if (constructor.DeclaringSyntaxReferences[0].GetSyntax() is not ConstructorDeclarationSyntax syntax) continue;
            // A constructor that calls this(...) gets its facts from the one it calls.
            if (syntax.Initializer?.ThisOrBaseKeyword.ValueText == "this") continue;
            results.Add(MethodInference.AnalyzeConstructor(context, constructor, syntax, initializers));
        }

        if (!explicitConstructors)
        {
            var implicitConstructor = type.InstanceConstructors.Length > 0 ? type.InstanceConstructors[0] : null;
            if (implicitConstructor is not null) results.Add(MethodInference.AnalyzeConstructor(context, implicitConstructor, null, initializers));
        }

        var shapes = new Dictionary<ISymbol, Shape>(SymbolEqualityComparer.Default);
        var sizes = new Dictionary<ISymbol, DimExpression>(SymbolEqualityComparer.Default);
        var unknown = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var codeSymbols = new HashSet<string>(System.StringComparer.Ordinal);
        if (results.Count == 0) return new TypeFacts(shapes, sizes, unknown, codeSymbols);

        foreach (var pair in results[0].Shapes)
        {
            var joined = pair.Value;
            foreach (var other in results)
                joined = other.Shapes.TryGetValue(pair.Key, out var shape) && joined is not null && shape is not null && SameShape(joined, shape)
                    ? joined
                    : null;
            if (joined is null) unknown.Add(pair.Key);
            else shapes[pair.Key] = joined;
        }

        foreach (var pair in results[0].Sizes)
        {
            var joined = pair.Value;
            foreach (var other in results)
                joined = other.Sizes.TryGetValue(pair.Key, out var size) && joined is not null && joined.Equals(size) ? joined : null;
            if (joined is null) unknown.Add(pair.Key);
            else sizes[pair.Key] = joined;
        }

        foreach (var result in results)
        {
            foreach (var member in result.Shapes.Keys) if (!shapes.ContainsKey(member)) unknown.Add(member);
            foreach (var member in result.Sizes.Keys) if (!sizes.ContainsKey(member)) unknown.Add(member);
            codeSymbols.UnionWith(result.CodeSymbols);
        }

        var provisional = new TypeFacts(shapes, sizes, unknown, codeSymbols);
        DropDisagreeingAssignments(context, type, provisional, shapes, sizes, unknown);
        return new TypeFacts(shapes, sizes, unknown, codeSymbols);
    }

    /// <summary>A member assigned outside the constructors keeps its fact only if every such assignment gives that very shape.</summary>
    private static void DropDisagreeingAssignments(
        ShapeContext context, INamedTypeSymbol type, TypeFacts provisional, Dictionary<ISymbol, Shape> shapes, Dictionary<ISymbol, DimExpression> sizes,
        HashSet<ISymbol> unknown)
    {
        var assigned = context.NamesAssignedIn(type);
        var checkedMembers = new HashSet<SyntaxNode>();
        var candidates = new List<ISymbol>(shapes.Keys);
        candidates.AddRange(sizes.Keys);
        foreach (var member in candidates)
        {
            foreach (var declaration in assigned.OutsideConstructors(member.Name))
            {
                if (!checkedMembers.Add(declaration)) continue;
                var (assignedShapes, assignedSizes) = MethodInference.AnalyzeFieldAssignments(context, declaration, provisional);
                foreach (var pair in assignedShapes)
                    if (shapes.TryGetValue(pair.Key, out var fact))
                        foreach (var shape in pair.Value)
                            if (shape is null || !SameShape(fact, shape)) Drop(pair.Key);
                foreach (var pair in assignedSizes)
                    if (sizes.TryGetValue(pair.Key, out var fact))
                        foreach (var size in pair.Value)
                            if (size is null || !size.Equals(fact)) Drop(pair.Key);
            }
        }

        void Drop(ISymbol member)
        {
            shapes.Remove(member);
            sizes.Remove(member);
            unknown.Add(member);
        }
    }

    private static bool SameShape(Shape a, Shape b)
    {
        if (a.IsMatrix != b.IsMatrix) return false;
        for (var i = 0; i < a.Dims.Length; i++)
            if (a.Dims[i] is not { } x || !x.Equals(b.Dims[i])) return false;
        return true;
    }

    private static bool IsStatic(Microsoft.CodeAnalysis.SyntaxTokenList modifiers)
    {
        foreach (var modifier in modifiers)
            if (modifier.ValueText == "static") return true;
        return false;
    }
}
