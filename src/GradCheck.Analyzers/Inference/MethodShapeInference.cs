using System.Collections.Generic;
using System.Collections.Immutable;
using GradCheck.Analyzers.Model;
using GradCheck.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace GradCheck.Analyzers.Inference;

/// <summary>
/// Infers the shapes of the MathNet values in one method body (its operation blocks) and runs the rules over them.
/// </summary>
/// <remarks>
/// Locals are treated flow-insensitively: a local's shape is what all of its assignments agree on, computed by
/// re-evaluating the assignments until nothing changes. That covers loops and conditionals without a control-flow
/// graph, and it can only lose precision (never invent a shape), which keeps unannotated code free of reports.
/// </remarks>
internal sealed partial class MethodShapeInference
{
    private const int MaxRounds = 8;

    private readonly CompilationShapeCache cache;
    private readonly ISymbol owner;
    private readonly INamedTypeSymbol? containingType;
    private bool touchesMathNet;
    private readonly List<IOperation> operations = new();
    private readonly Dictionary<ISymbol, List<IOperation>> assignments = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ISymbol> unknowable = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, Shape> assertedShapes = new(SymbolEqualityComparer.Default);

    private readonly Dictionary<ISymbol, Shape?> shapes = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, Dim?> dims = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IOperation, Shape?> memo = new();
    private bool readUnsettledLocal;
    private bool roundReadUnsettledLocal;
    private bool changed;

    /// <summary>Starts the analysis of one operation block (method body, initializer) owned by <paramref name="owner"/>.</summary>
    public MethodShapeInference(CompilationShapeCache cache, ISymbol owner)
    {
        this.cache = cache;
        this.owner = owner;
        containingType = owner.ContainingType;
    }

    /// <summary>
    /// The operation kinds <see cref="Record"/> needs to see: stores into locals (and what makes a local unknowable),
    /// and everything the reporting pass checks.
    /// </summary>
    public static ImmutableArray<OperationKind> RecordedKinds { get; } = ImmutableArray.Create(
        OperationKind.VariableDeclarator, OperationKind.SimpleAssignment, OperationKind.CompoundAssignment,
        OperationKind.CoalesceAssignment, OperationKind.Increment, OperationKind.Decrement,
        OperationKind.DeconstructionAssignment, OperationKind.Loop, OperationKind.DeclarationPattern,
        OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.Binary, OperationKind.Return,
        OperationKind.FieldInitializer, OperationKind.PropertyInitializer);

    private MathNetSymbols Types => cache.Types;

    /// <summary>The sink of the reporting round; null while shapes are still settling.</summary>
    internal DiagnosticSink? Sink { get; private set; }

    /// <summary>Analyzes one method body (or initializer) and reports into <paramref name="sink"/>.</summary>
    public static void Run(CompilationShapeCache cache, ISymbol owner, ImmutableArray<IOperation> blocks, DiagnosticSink sink)
    {
        var inference = new MethodShapeInference(cache, owner);
        inference.Walk(blocks);
        inference.Finish(sink);
    }

    /// <summary>Takes note of one operation of the block (any order; each operation once).</summary>
    public void Record(IOperation operation)
    {
        if (IsReported(operation.Kind)) operations.Add(operation);
        if (!touchesMathNet && TouchesMathNet(operation)) touchesMathNet = true;
        RecordAssignment(operation);
    }

    /// <summary>Infers the shapes of the recorded block and reports what the rules find.</summary>
    public void Finish(DiagnosticSink sink)
    {
        if (!touchesMathNet) return;
        Settle(sink);
        ReportAll();
    }

    private bool TouchesMathNet(IOperation operation) =>
        Types.IsMatrixOrVector(operation.Type)
        || operation is IBinaryOperation binary && (Types.IsMatrixOrVector(binary.LeftOperand.Type) || Types.IsMatrixOrVector(binary.RightOperand.Type))
        || operation is IInvocationOperation invocation && Types.IsMatrixOrVector(invocation.Instance?.Type)
        || operation is IVariableDeclaratorOperation declarator && Types.IsMatrixOrVector(declarator.Symbol.Type)
        // return x; and return (dW, db); carry shapes without any MathNet-typed operation of their own.
        || operation is IReturnOperation { ReturnedValue: { } returned } && (Types.IsMatrixOrVector(returned.Type) || returned.Type is INamedTypeSymbol { IsTupleType: true });

    /// <summary>Records every operation of the blocks (what the analyzer driver does through operation actions).</summary>
    private void Walk(ImmutableArray<IOperation> blocks)
    {
        // An explicit stack: deep generated expressions must not overflow the stack.
        var pending = new Stack<IOperation>();
        var children = new List<IOperation>();
        for (var b = blocks.Length - 1; b >= 0; b--)
            if (blocks[b] is { } block) pending.Push(block);
        while (pending.Count > 0)
        {
            var operation = pending.Pop();
            Record(operation);
            children.Clear();
            foreach (var child in operation.ChildOperations) children.Add(child);
            for (var i = children.Count - 1; i >= 0; i--) pending.Push(children[i]);
        }
    }

    private static bool IsReported(OperationKind kind) => kind is OperationKind.Binary or OperationKind.Invocation
        or OperationKind.ObjectCreation or OperationKind.CompoundAssignment or OperationKind.SimpleAssignment
        or OperationKind.VariableDeclarator or OperationKind.Return or OperationKind.FieldInitializer or OperationKind.PropertyInitializer;

    private void RecordAssignment(IOperation operation)
    {
        // The kind is checked first: a type switch over a dozen interfaces on every operation is measurably slower.
        switch (operation.Kind)
        {
            case OperationKind.VariableDeclarator or OperationKind.SimpleAssignment or OperationKind.CompoundAssignment
                or OperationKind.CoalesceAssignment or OperationKind.Increment or OperationKind.Decrement
                or OperationKind.DeconstructionAssignment or OperationKind.Loop or OperationKind.DeclarationPattern
                or OperationKind.Invocation or OperationKind.ObjectCreation:
                break;
            default:
                return;
        }
        switch (operation)
        {
            case IVariableDeclaratorOperation declarator:
                var initializer = declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
                if (initializer is not null) AddAssignment(declarator.Symbol, initializer);
                break;
            case ISimpleAssignmentOperation assignment when LocalOrParameter(assignment.Target) is { } target:
                AddAssignment(target, assignment.Value);
                break;
            case ICompoundAssignmentOperation compound when LocalOrParameter(compound.Target) is { } target:
                AddAssignment(target, compound);
                break;
            case ICoalesceAssignmentOperation coalesce when LocalOrParameter(coalesce.Target) is { } target:
                AddAssignment(target, coalesce.Value);
                break;
            case IIncrementOrDecrementOperation increment when LocalOrParameter(increment.Target) is { } target:
                unknowable.Add(target);
                break;
            case IDeconstructionAssignmentOperation deconstruction:
                RecordDeconstruction(deconstruction.Target, deconstruction.Value);
                break;
            case IForEachLoopOperation loop:
                foreach (var local in loop.Locals) unknowable.Add(local);
                break;
            case IDeclarationPatternOperation { DeclaredSymbol: { } declared }:
                unknowable.Add(declared);
                break;
            case IInvocationOperation invocation:
                RecordOutArguments(invocation.Arguments);
                if (IsShapesAssert(invocation)) RecordAssertion(invocation);
                break;
            case IObjectCreationOperation creation:
                RecordOutArguments(creation.Arguments);
                break;
        }
    }

    /// <summary>A local passed by out or ref gets a value we cannot see.</summary>
    private void RecordOutArguments(ImmutableArray<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
            if (argument.Parameter?.RefKind is RefKind.Out or RefKind.Ref && LocalOrParameter(argument.Value) is { } target)
                unknowable.Add(target);
    }

    private void RecordDeconstruction(IOperation target, IOperation value)
    {
        if (target is IDeclarationExpressionOperation declaration) target = declaration.Expression;
        while (value is IConversionOperation conversion) value = conversion.Operand;
        if (target is ITupleOperation targets && value is ITupleOperation values && targets.Elements.Length == values.Elements.Length)
        {
            for (var i = 0; i < targets.Elements.Length; i++) RecordDeconstruction(targets.Elements[i], values.Elements[i]);
            return;
        }
        if (target is ITupleOperation nested)
        {
            // Deconstructing a call's tuple: element shapes are not annotated, so they stay unknown.
            foreach (var element in nested.Elements) RecordDeconstruction(element, value);
            return;
        }
        if (LocalOrParameter(target) is { } symbol)
        {
            if (value is ITupleOperation || !ReferenceEquals(value.Type, target.Type)) unknowable.Add(symbol);
            else AddAssignment(symbol, value);
        }
    }

    private void AddAssignment(ISymbol target, IOperation value)
    {
        if (!assignments.TryGetValue(target, out var list)) assignments[target] = list = new List<IOperation>();
        list.Add(value);
    }

    private static ISymbol? LocalOrParameter(IOperation? operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IDeclarationExpressionOperation declaration => LocalOrParameter(declaration.Expression),
        _ => null,
    };

    /// <summary>Re-evaluates all assignments until the locals' shapes and sizes stop changing.</summary>
    /// <summary>
    /// Re-evaluates all assignments until the locals' shapes and sizes stop changing. The round that confirms
    /// nothing changed saw the final shapes: its findings go to <paramref name="sink"/> and its evaluations are kept
    /// for the reporting pass; earlier rounds' findings are dropped.
    /// </summary>
    private void Settle(DiagnosticSink sink)
    {
        var findings = new List<Diagnostic>();
        Sink = new DiagnosticSink(findings.Add);
        for (var round = 0; round < MaxRounds; round++)
        {
            memo.Clear();
            findings.Clear();
            changed = false;
            // Updated in place, in source order: a chain of locals (h1 → z1 → z2 → dz2 → ...) settles in one round,
            // and the next round only confirms it.
            foreach (var pair in assignments)
            {
                var symbol = pair.Key;
                if (unknowable.Contains(symbol)) continue;
                var type = SymbolType(symbol);
                if (Types.IsMatrixOrVector(type)) JoinShape(shapes, symbol, pair.Value);
                else if (type?.SpecialType == SpecialType.System_Int32) JoinDim(dims, symbol, pair.Value);
            }
            // A round in which every local was read only after its value was final needs no confirming round.
            var finalAtFirstSight = round == 0 && !roundReadUnsettledLocal;
            roundReadUnsettledLocal = false;
            if (finalAtFirstSight || !changed)
            {
                foreach (var finding in findings) sink.Report(finding);
                Sink = sink;
                return;
            }
        }
        // Did not settle (should not happen on real code): forget locals rather than risk a wrong shape.
        shapes.Clear();
        dims.Clear();
        foreach (var symbol in assignments.Keys) unknowable.Add(symbol);
        memo.Clear();
        Sink = sink;
    }

    private void JoinShape(Dictionary<ISymbol, Shape?> into, ISymbol symbol, List<IOperation> values)
    {
        var seen = false;
        Shape? joined = null;
        foreach (var value in values)
        {
            readUnsettledLocal = false;
            var shape = Evaluate(value);
            // An assignment that read a local with no shape yet says nothing so far: skip it this round.
            roundReadUnsettledLocal |= readUnsettledLocal;
            if (shape is null && readUnsettledLocal) continue;
            joined = seen ? Shape.Join(joined, shape) : shape;
            seen = true;
        }
        if (!seen) return;
        if (!into.TryGetValue(symbol, out var before) || (before is null ? joined is not null : !before.SameAs(joined))) changed = true;
        into[symbol] = joined;
    }

    private void JoinDim(Dictionary<ISymbol, Dim?> into, ISymbol symbol, List<IOperation> values)
    {
        var seen = false;
        Dim? joined = null;
        foreach (var value in values)
        {
            readUnsettledLocal = false;
            var dim = EvaluateDim(value);
            roundReadUnsettledLocal |= readUnsettledLocal;
            if (dim is null && readUnsettledLocal) continue;
            joined = seen ? Dim.Join(joined, dim) : dim;
            seen = true;
        }
        // A local assigned once from something opaque (a call, an unannotated input) is still one fixed size.
        if (!seen) return;
        if (joined is null && values.Count == 1) joined = into.TryGetValue(symbol, out var opaque) && opaque is { Kind: DimKind.Opaque } ? opaque : Dim.Opaque(symbol, symbol.Name);
        if (!into.TryGetValue(symbol, out var before) || !Equals(before, joined)) changed = true;
        into[symbol] = joined;
    }

    private static ITypeSymbol? SymbolType(ISymbol symbol) => symbol switch
    {
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        IFieldSymbol field => field.Type,
        IPropertySymbol property => property.Type,
        _ => null,
    };
}
