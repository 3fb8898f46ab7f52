using System.Collections.Generic;
using System.Collections.Immutable;
using GradCheck.Analyzers.Model;
using GradCheck.Dims;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace GradCheck.Analyzers.Facts;

internal sealed partial class MethodInference
{
    /// <summary>A constructor (null syntax: the implicit one) with the initialisers: the shapes and sizes it leaves in the members.</summary>
    public static ConstructorResult AnalyzeConstructor(
        ShapeContext context, IMethodSymbol constructor, ConstructorDeclarationSyntax? syntax, List<SyntaxNode> initializers)
    {
        var inference = new MethodInference(context, constructor, InferenceMode.Constructor, HelperStack.Empty);
        foreach (var initializer in initializers) inference.Visit(context.BodyOf(initializer));
        if (syntax is not null) inference.Visit(context.BodyOf(syntax));
        return inference.ConstructorFacts(constructor);
    }

    private ConstructorResult ConstructorFacts(IMethodSymbol constructor)
    {
        // A constructor parameter that defines a [Shape] symbol is named after the symbol in the other methods.
        var renames = new Dictionary<string, DimExpression>(System.StringComparer.Ordinal);
        foreach (var pair in definedTypeSymbols)
        {
            var value = solver.Resolve(pair.Value);
            if (value is { IsSymbol: true } && !Unknowns.Mentions(value)) renames[value.Symbols[0]] = DimExpression.Symbol(pair.Key);
            renames[pair.Value.Symbols[0]] = DimExpression.Symbol(pair.Key);
        }

        var parameterNames = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var parameter in constructor.Parameters) parameterNames.Add(parameter.Name);
        var codeSymbols = new HashSet<string>(System.StringComparer.Ordinal);

        DimExpression? ToObjectLevel(DimExpression? dim)
        {
            var resolved = solver.Resolve(dim)?.Substitute(symbol => renames.TryGetValue(symbol, out var renamed) ? renamed : null);
            if (resolved is null || Unknowns.Mentions(resolved)) return null;
            foreach (var symbol in resolved.Symbols)
                if (parameterNames.Contains(symbol)) codeSymbols.Add(symbol);
            return resolved;
        }

        var shapes = new Dictionary<ISymbol, Shape?>(SymbolEqualityComparer.Default);
        foreach (var member in memberAssignments.Keys)
            shapes[member] = !state.Unreachable && state.TryGetShape(member, out var shape) ? shape?.With(ToObjectLevel) : null;
        var sizes = new Dictionary<ISymbol, DimExpression?>(SymbolEqualityComparer.Default);
        foreach (var member in memberSizeAssignments.Keys)
            sizes[member] = !state.Unreachable && state.TryGetSize(member, out var size) ? ToObjectLevel(size) : null;
        return new ConstructorResult(shapes, sizes, codeSymbols);
    }

    /// <summary>A member that assigns fields outside the constructors: every shape and size it assigns to each member.</summary>
    public static (Dictionary<ISymbol, List<Shape?>> Shapes, Dictionary<ISymbol, List<DimExpression?>> Sizes) AnalyzeFieldAssignments(
        ShapeContext context, SyntaxNode declaration, TypeFacts provisional)
    {
        var model = context.ModelOf(declaration.SyntaxTree);
        var owner = model.GetDeclaredSymbol(declaration);
        var body = model.GetOperation(declaration);
        var inference = new MethodInference(context, owner ?? context.Compilation.Assembly, InferenceMode.FieldAssignments, HelperStack.Empty, provisional);
        if (owner is null || body is null)
        {
            // Nothing to read the assignments from: every candidate member counts as assigned something unknown.
            return (new Dictionary<ISymbol, List<Shape?>>(SymbolEqualityComparer.Default),
                new Dictionary<ISymbol, List<DimExpression?>>(SymbolEqualityComparer.Default));
        }

        inference.MarkUntracked(ImmutableArray.Create(body));
        inference.Visit(body);
        return (inference.memberAssignments, inference.memberSizeAssignments);
    }

    /// <summary>Infers a helper's signature from its body: unknowns for its parameters, fixed by their uses, and its result.</summary>
    public static MethodSignature? Summarize(ShapeContext context, IMethodSymbol method, HelperStack stack)
    {
        var declaration = method.DeclaringSyntaxReferences[0].GetSyntax();
        if (context.BodyOf(declaration) is not { } body) return null;
        var inference = new MethodInference(context, method, InferenceMode.Summary, stack);
        var initial = new Shape?[method.Parameters.Length];
        var sizes = new DimExpression?[method.Parameters.Length];
        foreach (var parameter in method.Parameters)
        {
            if (inference.state.TryGetShape(parameter, out var shape)) initial[parameter.Ordinal] = shape;
            if (inference.state.TryGetSize(parameter, out var size)) sizes[parameter.Ordinal] = size;
        }

        inference.MarkUntracked(ImmutableArray.Create(body));
        inference.Visit(body);
        if (inference.returnedShapes.Count == 0) return null;
        Shape? result = null;
        for (var i = 0; i < inference.returnedShapes.Count; i++)
            result = i == 0 ? inference.returnedShapes[0] : LocalState.JoinShapes(result, inference.returnedShapes[i], inference.solver);
        var parameterShapes = ImmutableArray.CreateBuilder<Shape?>(initial.Length);
        foreach (var shape in initial) parameterShapes.Add(inference.solver.Resolve(shape));
        var typeLevel = context.TypeLevelSymbols(method.ContainingType).Union(inference.ObjectFacts.CodeSymbols);
        return new MethodSignature(parameterShapes.MoveToImmutable(), ImmutableArray.Create(sizes), result, true, typeLevel);
    }
}
