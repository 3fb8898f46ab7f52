using System.Collections.Generic;
using GradCheck.Analyzers.Facts.Findings;
using GradCheck.Analyzers.Model;
using GradCheck.Dims;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace GradCheck.Analyzers.Facts;

internal sealed partial class MethodInference
{
    /// <summary>Shapes assigned to members of this object (constructor and field-assignment modes).</summary>
    private readonly Dictionary<ISymbol, List<Shape?>> memberAssignments = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, List<DimExpression?>> memberSizeAssignments = new(SymbolEqualityComparer.Default);
    private readonly List<Shape?> returnedShapes = new();

    private Shape? EvaluateAssignment(ISimpleAssignmentOperation assignment)
    {
        var target = assignment.Target;
        switch (target)
        {
            case ILocalReferenceOperation or IParameterReferenceOperation or IDeclarationExpressionOperation when LocalOrParameter(target) is { } symbol:
                return StoreLocal(symbol, assignment.Value);
            case IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field:
                Evaluate(field.Instance);
                return StoreMember(field.Field, assignment.Value, EvaluateStored(field.Field, assignment.Value));
            case IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Arguments.IsEmpty: true } property:
                Evaluate(property.Instance);
                return StoreMember(property.Property, assignment.Value, EvaluateStored(property.Property, assignment.Value));
            default:
                Evaluate(target);
                return Evaluate(assignment.Value);
        }
    }

    /// <summary>Evaluates a value stored into a symbol: its shape for a matrix or vector, its size for an int.</summary>
    private Shape? EvaluateStored(ISymbol target, IOperation value)
    {
        if (!IsSize(MemberType(target))) return Evaluate(value);
        var size = solver.Resolve(EvaluateSize(value));
        if (target is IFieldSymbol or IPropertySymbol) RecordMemberSize(target, size);
        else state.SetSize(target, size);
        return null;
    }

    private Shape? StoreLocal(ISymbol local, IOperation value)
    {
        var type = MemberType(local);
        if (IsSize(type))
        {
            state.SetSize(local, solver.Resolve(EvaluateSize(value)));
            return null;
        }

        var shape = Evaluate(value);
        if (!Types.IsMatrixOrVector(type)) return shape;
        if (local is IParameterSymbol parameter && context.AnnotationOf(parameter)?.Shape is { } declared)
        {
            var kind = parameter.RefKind == RefKind.Out ? "out parameter" : "parameter";
            CheckDeclared(value, shape, InScope(declared), $"is assigned to {kind} '{local.Name}'");
        }
        else
            CheckGradient(local.Name, value, shape);
        // A value reported as the wrong shape is stored as unknown: nothing downstream is reported because of it.
        if (reported.Contains(value)) shape = null;
        state.SetShape(local, shape);
        return shape;
    }

    /// <summary>A store into a field or property of this object: its [Shape] is checked, or its name as a gradient.</summary>
    private Shape? StoreMember(ISymbol member, IOperation value, Shape? shape, bool keepsShape = false)
    {
        if (!Types.IsMatrixOrVector(MemberType(member))) return shape;
        var kind = member is IFieldSymbol ? "field" : "property";
        if (context.AnnotationOf(member)?.Shape is { } declared)
        {
            CheckDeclared(value, shape, InScope(declared), $"is assigned to {kind} '{member.Name}'");
            return shape;
        }

        CheckGradient(member.Name, value, shape);
        if (reported.Contains(value) && !keepsShape) shape = null;
        if (mode is InferenceMode.Constructor or InferenceMode.FieldAssignments)
        {
            if (!memberAssignments.TryGetValue(member, out var list)) memberAssignments[member] = list = new List<Shape?>();
            list.Add(solver.Resolve(shape));
        }

        // Within this body the member now holds this value (later statements read it back) until a call on this object.
        state.SetShape(member, shape);
        return shape;
    }

    private void RecordMemberSize(ISymbol member, DimExpression? size)
    {
        if (!memberSizeAssignments.TryGetValue(member, out var list)) memberSizeAssignments[member] = list = new List<DimExpression?>();
        list.Add(size);
        if (mode == InferenceMode.Constructor) state.SetSize(member, size);
    }

    private Shape? EvaluateCompoundAssignment(ICompoundAssignmentOperation compound)
    {
        var targetShape = Evaluate(compound.Target);
        var valueShape = Evaluate(compound.Value);
        var target = compound.Target;
        if (IsSize(target.Type))
        {
            if (LocalOrParameter(target) is { } sizeLocal)
            {
                var current = EvaluateSize(target);
                var step = EvaluateSize(compound.Value);
                DimExpression? next = current is null || step is null ? null : compound.OperatorKind switch
                {
                    BinaryOperatorKind.Add => current + step,
                    BinaryOperatorKind.Subtract => current - step,
                    BinaryOperatorKind.Multiply => current * step,
                    _ => null,
                };
                state.SetSize(sizeLocal, solver.Resolve(next));
            }
            else if (MemberOfThis(target) is { } member) RecordMemberSize(member, null);
            return null;
        }

        if (!Types.IsMatrixOrVector(target.Type)) return null;
        // dW += value: a gradient accumulates values of its variable's shape (reported as such, not as an addition).
        var accumulates = compound.OperatorKind is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract && Types.IsMatrixOrVector(compound.Value.Type);
        if (accumulates && (LocalOrParameter(target) ?? MemberOfThis(target)) is { } accumulator && context.AnnotationOf(accumulator) is null)
        {
            CheckGradient(accumulator.Name, compound, valueShape);
            if (reported.Contains(compound)) return null;
        }

        Shape? result = null;
        if (targetShape is not null && (valueShape is not null || !Types.IsMatrixOrVector(compound.Value.Type)))
        {
            var symbol = compound.OperatorKind switch
            {
                BinaryOperatorKind.Multiply => "*",
                BinaryOperatorKind.Add => "+",
                BinaryOperatorKind.Subtract => "-",
                _ => "∘",
            };
            var bothVectors = Types.IsVector(target.Type) && Types.IsVector(compound.Value.Type);
            result = Apply(Transfers.MathNetTransfers.Operator(symbol, targetShape, valueShape, true, Types.IsMatrixOrVector(compound.Value.Type), bothVectors),
                compound);
        }

        // dW += xᵀ·dY: the accumulated value must keep the target's shape (and its name as a gradient).
        switch (target)
        {
            case ILocalReferenceOperation or IParameterReferenceOperation when LocalOrParameter(target) is { } local:
                CheckGradient(local.Name, compound, result);
                state.SetShape(local, result);
                break;
            case IFieldReferenceOperation or IPropertyReferenceOperation when MemberOfThis(target) is { } member:
                if (context.AnnotationOf(member)?.Shape is { } declared)
                    CheckDeclared(compound, result, InScope(declared), $"is assigned to {(member is IFieldSymbol ? "field" : "property")} '{member.Name}'");
                else
                    // W -= rate * dW either throws or leaves W its shape: it agrees with the constructor's, whatever dW is.
                    StoreMember(member, compound, accumulates ? targetShape : result, keepsShape: accumulates);
                break;
        }

        return result;
    }

    private static ISymbol? MemberOfThis(IOperation target) => target switch
    {
        IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
        IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation } property => property.Property,
        _ => null,
    };

    private void EvaluateIncrement(IIncrementOrDecrementOperation increment)
    {
        if (LocalOrParameter(increment.Target) is { } local)
        {
            var current = EvaluateSize(increment.Target);
            var step = DimExpression.Literal(increment.Kind == OperationKind.Increment ? 1 : -1);
            state.SetSize(local, current is null ? null : solver.Resolve(current + step));
        }
        else if (MemberOfThis(increment.Target) is { } member)
        {
            RecordMemberSize(member, null);
        }
    }

    private void EvaluateDeconstruction(IDeconstructionAssignmentOperation deconstruction)
    {
        var target = deconstruction.Target is IDeclarationExpressionOperation declaration ? declaration.Expression : deconstruction.Target;
        var value = deconstruction.Value;
        while (value is IConversionOperation conversion) value = conversion.Operand;
        if (target is ITupleOperation targets && value is ITupleOperation values && targets.Elements.Length == values.Elements.Length)
        {
            var shapes = new Shape?[values.Elements.Length];
            for (var i = 0; i < values.Elements.Length; i++) shapes[i] = Evaluate(values.Elements[i]);
            for (var i = 0; i < targets.Elements.Length; i++)
                if (LocalOrParameter(targets.Elements[i]) is { } symbol) state.SetShape(symbol, shapes[i]);
            return;
        }

        Evaluate(value);
        foreach (var element in target.DescendantsAndSelf())
            if (LocalOrParameter(element) is { } symbol)
            {
                var type = MemberType(symbol);
                state.SetShape(symbol, Types.IsMatrixOrVector(type) ? solver.NewShape(symbol.Name, Types.IsMatrix(type)) : null);
                state.SetSize(symbol, null);
            }
    }

    private void Forget(IOperation target)
    {
        if (LocalOrParameter(target) is not { } symbol) return;
        state.SetShape(symbol, null);
        state.SetSize(symbol, null);
    }

    private void VisitReturn(IReturnOperation ret, IOperation returned)
    {
        var shape = Evaluate(returned);
        if (nested > 0 || owner is not IMethodSymbol method) return;
        if (mode == InferenceMode.Summary) returnedShapes.Add(solver.Resolve(shape));
        var declared = method.AssociatedSymbol is IPropertySymbol property && method.MethodKind == MethodKind.PropertyGet
            ? context.AnnotationOf(property)?.Shape
            : context.ReturnAnnotationOf(method)?.Shape;
        if (declared is not null) CheckDeclared(returned, shape, InScope(declared), $"is returned from '{method.Name}'");
        if (Unwrap(returned) is ITupleOperation tuple) CheckReturnedTuple(method, tuple);
        _ = ret;
    }

    /// <summary>Named elements of a returned tuple, (dW1, db1), are gradients too.</summary>
    private void CheckReturnedTuple(IMethodSymbol method, ITupleOperation tuple)
    {
        var elements = (method.ReturnType as INamedTypeSymbol)?.TupleElements ?? default;
        if (elements.IsDefault || elements.Length != tuple.Elements.Length) elements = (tuple.Type as INamedTypeSymbol)?.TupleElements ?? default;
        if (elements.IsDefault || elements.Length != tuple.Elements.Length) return;
        for (var i = 0; i < elements.Length; i++)
        {
            var name = elements[i].Name;
            var value = tuple.Elements[i];
            // (dW1, db1) returning locals of the same names: already checked where they were assigned.
            if (Unwrap(value) is ILocalReferenceOperation local && local.Local.Name == name) continue;
            if (name.StartsWith("Item", System.StringComparison.Ordinal) && elements[i].IsImplicitlyDeclared) continue;
            CheckGradient(name, value, ReShape(value));
        }
    }

    /// <summary>The shape of a value already evaluated (a tuple element), read again without re-evaluating its calls.</summary>
    private Shape? ReShape(IOperation value) =>
        reported.Contains(Unwrap(value)) ? null : LastShapes.TryGetValue(Unwrap(value), out var shape) ? solver.Resolve(shape) : null;

    /// <summary>
    /// A value stored where a shape is declared (or inferred, for a helper's parameter): its dims are made equal to
    /// the declared ones (fixing unknowns); a definite difference is a finding at the value.
    /// </summary>
    private void CheckDeclared(IOperation value, Shape? shape, Shape declared, string target)
    {
        NoteRequiredShape(value, declared);
        if (shape is null || shape.IsMatrix != declared.IsMatrix) return;
        var origin = Origin.At(value.Syntax);
        Mismatch? first = null;
        for (var i = 0; i < shape.Dims.Length; i++)
            if (solver.Unify(shape.Dims[i], declared.Dims[i], origin) is { } mismatch) first ??= mismatch;
        if (first is null) return;
        var finding = new TargetMismatch(
            Unwrap(value).Syntax, solver.Resolve(shape)!, target, solver.Resolve(declared)!, SumsSwap(value, declared), first.Provenance);
        AddFinding(finding, value);
    }

    /// <summary>Dimension balancing: a value stored under a gradient's name (dX, gradX, xGrad, dLdX) has X's shape.</summary>
    private void CheckGradient(string gradientName, IOperation value, Shape? shape)
    {
        if (!GradientNaming.MayBeGradient(gradientName)) return;
        foreach (var candidate in GradientNaming.CandidateVariables(gradientName))
        {
            if (VariableShape(candidate) is not { } variable) continue;
            if (shape is not null && shape.IsMatrix != variable.IsMatrix) return;
            NoteRequiredShape(value, variable);
            if (shape is null) return;
            var origin = Origin.At(value.Syntax);
            Mismatch? first = null;
            for (var i = 0; i < shape.Dims.Length; i++)
                if (solver.Unify(shape.Dims[i], variable.Dims[i], origin) is { } mismatch) first ??= mismatch;
            if (first is not null)
                AddFinding(new GradientMismatch(Unwrap(value).Syntax, gradientName, solver.Resolve(shape)!, candidate, solver.Resolve(variable)!,
                    SumsSwap(value, variable), first.Provenance), value);
            return;
        }
    }

    /// <summary>The shape of the variable a gradient is named after: a local or parameter here, or a member of this type.</summary>
    private Shape? VariableShape(string name)
    {
        foreach (var symbol in state.ShapeSymbols)
            if (symbol.Name == name && symbol is ILocalSymbol or IParameterSymbol)
                return state.TryGetShape(symbol, out var shape) && !untracked.Contains(symbol) ? solver.Resolve(shape) : null;
        if (owner is IMethodSymbol method)
            foreach (var parameter in method.Parameters)
                if (parameter.Name == name) return null;
        for (var type = containingType; type is not null; type = type.BaseType)
        {
            foreach (var member in type.GetMembers(name))
            {
                if (member is not (IFieldSymbol or IPropertySymbol) || !Types.IsMatrixOrVector(MemberType(member))) continue;
                if (state.TryGetShape(member, out var assigned)) return solver.Resolve(assigned);
                if (context.AnnotationOf(member)?.Shape is { } declared) return InScope(declared);
                return ObjectFacts.Shapes.TryGetValue(member, out var fact) ? FromTypeFacts(fact) : null;
            }
        }

        return null;
    }

    /// <summary>The shape a product's context needs, for the product fix to offer only rewrites that give it.</summary>
    private void NoteRequiredShape(IOperation value, Shape required)
    {
        if (productFindings.TryGetValue(Unwrap(value).Syntax, out var product)) product.Required = solver.Resolve(required);
    }

    /// <summary>RowSums ↔ ColumnSums when the other sum of the same matrix has the expected shape, looking through scalar * and /.</summary>
    private string? SumsSwap(IOperation value, Shape expected)
    {
        var operation = Unwrap(value);
        while (true)
        {
            if (operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide } scaled)
            {
                var leftIsMathNet = Types.IsMatrixOrVector(scaled.LeftOperand.Type);
                if (leftIsMathNet == Types.IsMatrixOrVector(scaled.RightOperand.Type)) return null;
                operation = Unwrap(leftIsMathNet ? scaled.LeftOperand : scaled.RightOperand);
                continue;
            }

            if (operation is IInvocationOperation { TargetMethod.Name: "Multiply" or "Divide", Instance: { } receiver } call && call.Arguments.Length == 1
                && !Types.IsMatrixOrVector(call.Arguments[0].Value.Type))
            {
                operation = Unwrap(receiver);
                continue;
            }

            break;
        }

        if (operation is not IInvocationOperation { Instance: { } instance } invocation || !expected.IsVector) return null;
        var name = invocation.TargetMethod.Name;
        if (name is not ("RowSums" or "ColumnSums") || !Types.IsMatrix(instance.Type)) return null;
        if (!LastShapes.TryGetValue(Unwrap(instance), out var matrix) || solver.Resolve(matrix) is not { } resolved) return null;
        var other = name == "RowSums" ? "ColumnSums" : "RowSums";
        var otherLength = other == "RowSums" ? resolved.Rows : resolved.Columns;
        var length = solver.Resolve(expected.Length);
        return otherLength is not null && otherLength.Equals(length) && !Unknowns.Mentions(otherLength) ? other : null;
    }
}
