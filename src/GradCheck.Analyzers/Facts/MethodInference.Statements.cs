using System.Collections.Generic;
using GradCheck.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace GradCheck.Analyzers.Facts;

internal sealed partial class MethodInference
{
    /// <summary>Walks a statement (or a body) in source order, updating <see cref="state"/>.</summary>
    private void Visit(IOperation? operation)
    {
        if (operation is null) return;
        if (depth >= MaxDepth) return;
        depth++;
        try
        {
            VisitStatement(operation);
        }
        finally
        {
            depth--;
        }
    }

    private void VisitStatement(IOperation operation)
    {
        switch (operation)
        {
            case IMethodBodyOperation body:
                Visit((IOperation?)body.BlockBody ?? body.ExpressionBody);
                return;
            case IConstructorBodyOperation constructor:
                Visit(constructor.Initializer);
                Visit(constructor.BlockBody ?? constructor.ExpressionBody);
                return;
            case IBlockOperation block:
                foreach (var statement in block.Operations) Visit(statement);
                return;
            case IVariableDeclarationGroupOperation group:
                foreach (var declaration in group.Declarations) VisitDeclaration(declaration);
                return;
            case IExpressionStatementOperation expression:
                Evaluate(expression.Operation);
                return;
            case IReturnOperation { Kind: OperationKind.Return } ret:
                if (ret.ReturnedValue is { } returned) VisitReturn(ret, returned);
                state.Unreachable = true;
                return;
            case IReturnOperation yielded:
                Evaluate(yielded.ReturnedValue);
                return;
            case IThrowOperation thrown:
                Evaluate(thrown.Exception);
                state.Unreachable = true;
                return;
            case IBranchOperation:
                state.Unreachable = true;
                return;
            case IConditionalOperation conditional:
                VisitIf(conditional);
                return;
            case ILoopOperation loop:
                VisitLoop(loop);
                return;
            case ISwitchOperation switchStatement:
                VisitSwitch(switchStatement);
                return;
            case ITryOperation attempt:
                VisitTry(attempt);
                return;
            case IUsingOperation usingStatement:
                Visit(usingStatement.Resources);
                Visit(usingStatement.Body);
                return;
            case ILockOperation lockStatement:
                Evaluate(lockStatement.LockedValue);
                Visit(lockStatement.Body);
                return;
            case ILabeledOperation labeled:
                // A label may be jumped to from anywhere: what holds here is not known.
                ForgetLocals();
                Visit(labeled.Operation);
                return;
            case ILocalFunctionOperation localFunction:
                VisitNestedFunction(localFunction.Body ?? (IOperation?)localFunction.IgnoredBody, localFunction.Symbol);
                return;
            case IFieldInitializerOperation fieldInitializer:
                foreach (var field in fieldInitializer.InitializedFields) StoreMember(field, fieldInitializer.Value, Evaluate(fieldInitializer.Value));
                return;
            case IPropertyInitializerOperation propertyInitializer:
                foreach (var property in propertyInitializer.InitializedProperties)
                    StoreMember(property, propertyInitializer.Value, Evaluate(propertyInitializer.Value));
                return;
            case IParameterInitializerOperation:
            case IEmptyOperation:
                return;
            default:
                Evaluate(operation);
                return;
        }
    }

    private void VisitDeclaration(IVariableDeclarationOperation declaration)
    {
        foreach (var declarator in declaration.Declarators)
        {
            var initializer = declarator.Initializer?.Value ?? declaration.Initializer?.Value;
            if (initializer is null)
            {
                state.SetShape(declarator.Symbol, null);
                state.SetSize(declarator.Symbol, null);
                continue;
            }

            StoreLocal(declarator.Symbol, initializer);
        }
    }

    private void VisitIf(IConditionalOperation conditional)
    {
        Evaluate(conditional.Condition);
        var before = state.Clone();
        Visit(conditional.WhenTrue);
        var afterTrue = state;
        state = before;
        Visit(conditional.WhenFalse);
        state = LocalState.Join(afterTrue, state, solver);
    }

    /// <summary>
    /// A loop: a trial pass (nothing fixed, nothing found) shows which locals change shape in the body; those keep only
    /// what every iteration agrees on; then the reporting pass. After the loop, the body may not have run at all.
    /// </summary>
    private void VisitLoop(ILoopOperation loop)
    {
        if (loop is IForLoopOperation forLoop)
            foreach (var before in forLoop.Before) Visit(before);
        if (loop is IForEachLoopOperation forEach) Evaluate(forEach.Collection);

        var entry = state.Clone();
        LocalState widened;
        if (AssignsMatrixOrVector(loop, out var assignedSizes))
        {
            var mark = solver.Mark();
            silent++;
            VisitLoopBody(loop);
            silent--;
            var afterTrial = state;
            afterTrial.Unreachable = false;
            widened = LocalState.Join(entry, Resolved(afterTrial), solver);
            solver.Undo(mark);
        }
        else
        {
            // Only ints change in the body (loop counters): they are unknown in it, no trial pass needed.
            widened = entry.Clone();
            foreach (var symbol in assignedSizes) widened.SetSize(symbol, null);
        }

        state = widened.Clone();
        VisitLoopBody(loop);
        state.Unreachable = false;
        state = LocalState.Join(widened, state, solver);
    }

    /// <summary>What each loop of the body assigns, recorded by one walk of the outermost loop for it and every loop nested in it.</summary>
    private Dictionary<ILoopOperation, LoopAssignments>? loopAssignments;

    /// <summary>The walk over a loop's operations, one per thread (the walk calls nothing that walks again).</summary>
    [System.ThreadStatic]
    private static Stack<(IOperation Operation, LoopChain? Loops)>? loopWalk;

    /// <summary>What a loop assigns: whether a matrix or vector, and the int locals and members.</summary>
    private sealed class LoopAssignments
    {
        public bool Matrices;
        public readonly List<ISymbol> Sizes = new();
    }

    /// <summary>The loops enclosing a point of the walk, innermost first.</summary>
    private sealed class LoopChain(LoopAssignments assignments, LoopChain? outer)
    {
        public LoopAssignments Assignments { get; } = assignments;

        public LoopChain? Outer { get; } = outer;
    }

    /// <summary>
    /// Whether the loop assigns a matrix or vector declared outside it; the int locals and members it assigns. A loop is
    /// walked once: the walk records the loops nested in it too (each pass over an outer loop visits them again).
    /// </summary>
    private bool AssignsMatrixOrVector(ILoopOperation loop, out List<ISymbol> assignedSizes)
    {
        loopAssignments ??= new Dictionary<ILoopOperation, LoopAssignments>();
        if (!loopAssignments.TryGetValue(loop, out var known))
        {
            RecordLoopAssignments(loop);
            known = loopAssignments[loop];
        }

        assignedSizes = known.Sizes;
        return known.Matrices;
    }

    private void RecordLoopAssignments(ILoopOperation loop)
    {
        var pending = loopWalk ??= new Stack<(IOperation, LoopChain?)>();
        pending.Clear();
        pending.Push((loop, null));
        while (pending.Count > 0)
        {
            var (operation, loops) = pending.Pop();
            if (operation is ILoopOperation nested)
            {
                var assignments = new LoopAssignments();
                loopAssignments![nested] = assignments;
                loops = new LoopChain(assignments, loops);
            }

            foreach (var child in operation.ChildOperations) pending.Push((child, loops));
            ISymbol? target = operation switch
            {
                IAssignmentOperation assignment => LocalOrParameter(assignment.Target) ?? MemberOfThis(assignment.Target),
                IIncrementOrDecrementOperation increment => LocalOrParameter(increment.Target) ?? MemberOfThis(increment.Target),
                _ => null,
            };
            if (target is null) continue;
            var type = MemberType(target);
            var matrix = Types.IsMatrixOrVector(type);
            if (!matrix && !IsSize(type)) continue;
            for (var chain = loops; chain is not null; chain = chain.Outer)
            {
                if (matrix) chain.Assignments.Matrices = true;
                else chain.Assignments.Sizes.Add(target);
            }
        }
    }

    private void VisitLoopBody(ILoopOperation loop)
    {
        switch (loop)
        {
            case IForLoopOperation forLoop:
                Evaluate(forLoop.Condition);
                Visit(forLoop.Body);
                state.Unreachable = false;
                foreach (var bottom in forLoop.AtLoopBottom) Visit(bottom);
                break;
            case IWhileLoopOperation whileLoop:
                Evaluate(whileLoop.Condition);
                Visit(whileLoop.Body);
                break;
            case IForEachLoopOperation forEach:
                foreach (var local in forEach.Locals)
                {
                    state.SetShape(local, Types.IsMatrixOrVector(local.Type) ? solver.NewShape(local.Name, Types.IsMatrix(local.Type)) : null);
                    state.SetSize(local, null);
                }

                Visit(forEach.Body);
                break;
            default:
                Visit(loop.Body);
                break;
        }

        // continue and break end a pass, not the loop.
        state.Unreachable = false;
    }

    /// <summary>The state with every value resolved now, before the trial pass's fixes are undone.</summary>
    private LocalState Resolved(LocalState source)
    {
        var copy = source.Clone();
        foreach (var symbol in new List<ISymbol>(source.ShapeSymbols))
            if (source.TryGetShape(symbol, out var shape)) copy.SetShape(symbol, solver.Resolve(shape));
        foreach (var symbol in new List<ISymbol>(source.SizeSymbols))
            if (source.TryGetSize(symbol, out var size)) copy.SetSize(symbol, solver.Resolve(size));
        return copy;
    }

    private void VisitSwitch(ISwitchOperation switchStatement)
    {
        Evaluate(switchStatement.Value);
        var before = state.Clone();
        LocalState? joined = null;
        var hasDefault = false;
        foreach (var section in switchStatement.Cases)
        {
            state = before.Clone();
            foreach (var clause in section.Clauses)
                if (clause.CaseKind == CaseKind.Default) hasDefault = true;
            foreach (var statement in section.Body) Visit(statement);
            state.Unreachable = false;
            joined = joined is null ? state : LocalState.Join(joined, state, solver);
        }

        state = joined is null ? before : hasDefault ? joined : LocalState.Join(joined, before, solver);
    }

    private void VisitTry(ITryOperation attempt)
    {
        var before = state.Clone();
        Visit(attempt.Body);
        var joined = LocalState.Join(before, state, solver);
        foreach (var handler in attempt.Catches)
        {
            state = joined.Clone();
            Visit(handler.Filter);
            Visit(handler.Handler);
            joined = LocalState.Join(joined, state, solver);
        }

        state = joined;
        Visit(attempt.Finally);
    }

    /// <summary>A lambda or local function: analysed where it is written, without changing what holds after it.</summary>
    private void VisitNestedFunction(IOperation? body, IMethodSymbol? function)
    {
        if (body is null) return;
        var saved = state;
        state = saved.Clone();
        state.Unreachable = false;
        if (function is not null)
        {
            foreach (var parameter in function.Parameters)
            {
                state.SetShape(parameter, Types.IsMatrixOrVector(parameter.Type) ? solver.NewShape(parameter.Name, Types.IsMatrix(parameter.Type)) : null);
                state.SetSize(parameter, null);
            }
        }

        nested++;
        Visit(body);
        nested--;
        state = saved;
    }

    /// <summary>Inside a lambda or local function, whose returns are not the method's.</summary>
    private int nested;

    private void ForgetMembers()
    {
        foreach (var symbol in new List<ISymbol>(state.ShapeSymbols))
            if (symbol is IFieldSymbol or IPropertySymbol) state.SetShape(symbol, null);
    }

    private void ForgetLocals()
    {
        foreach (var symbol in new List<ISymbol>(state.ShapeSymbols))
            if (symbol is ILocalSymbol) state.SetShape(symbol, null);
        foreach (var symbol in new List<ISymbol>(state.SizeSymbols))
            if (symbol is ILocalSymbol) state.SetSize(symbol, null);
    }
}
