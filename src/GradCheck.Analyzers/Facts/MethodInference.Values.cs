using System.Collections.Generic;
using GradCheck.Analyzers.Facts.Findings;
using GradCheck.Analyzers.Model;
using GradCheck.Analyzers.Transfers;
using GradCheck.Dims;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace GradCheck.Analyzers.Facts;

internal sealed partial class MethodInference
{
    /// <summary>
    /// Evaluates an expression in source order (its stores update the state) and returns its shape when it is a matrix
    /// or vector: null when unknown — after a reported mismatch, or where the analysis gave up.
    /// </summary>
    private Shape? Evaluate(IOperation? operation)
    {
        if (operation is null || depth >= MaxDepth) return null;
        depth++;
        try
        {
            var shape = EvaluateUncached(operation);
            if (shape is not null && IsReadBack(operation)) LastShapes[operation] = shape;
            return shape;
        }
        finally
        {
            depth--;
        }
    }

    private Shape? EvaluateUncached(IOperation operation)
    {
        switch (operation)
        {
            case IConversionOperation conversion:
                return Evaluate(conversion.Operand);
            case IParenthesizedOperation parenthesized:
                return Evaluate(parenthesized.Operand);
            case ILocalReferenceOperation local:
                return ReadLocal(local.Local);
            case IParameterReferenceOperation parameter:
                return ReadLocal(parameter.Parameter);
            case IFieldReferenceOperation field:
                Evaluate(field.Instance);
                return ReadMember(field.Field, field.Instance, operation);
            case IPropertyReferenceOperation property:
                Evaluate(property.Instance);
                foreach (var argument in property.Arguments) Evaluate(argument.Value);
                return ReadMember(property.Property, property.Instance, operation);
            case IBinaryOperation binary:
                return EvaluateBinary(binary);
            case IUnaryOperation unary:
                var operand = Evaluate(unary.Operand);
                return Types.IsMatrixOrVector(unary.Type) ? operand : null;
            case ISimpleAssignmentOperation assignment:
                return EvaluateAssignment(assignment);
            case ICompoundAssignmentOperation compound:
                return EvaluateCompoundAssignment(compound);
            case ICoalesceAssignmentOperation coalesceAssignment:
                Evaluate(coalesceAssignment.Target);
                Evaluate(coalesceAssignment.Value);
                Forget(coalesceAssignment.Target);
                return null;
            case IIncrementOrDecrementOperation increment:
                EvaluateIncrement(increment);
                return null;
            case IDeconstructionAssignmentOperation deconstruction:
                EvaluateDeconstruction(deconstruction);
                return null;
            case IConditionalOperation conditional:
                return EvaluateConditional(conditional);
            case ICoalesceOperation coalesce:
                var value = Evaluate(coalesce.Value);
                var whenNull = Evaluate(coalesce.WhenNull);
                return LocalState.JoinShapes(value, whenNull, solver);
            case IInvocationOperation invocation:
                return EvaluateInvocation(invocation);
            case IObjectCreationOperation creation:
                return EvaluateCreation(creation);
            case IAnonymousFunctionOperation lambda:
                if (IsExpectedToThrow(lambda)) silent++;
                VisitNestedFunction(lambda.Body, lambda.Symbol);
                if (IsExpectedToThrow(lambda)) silent--;
                return null;
            case IDelegateCreationOperation delegateCreation:
                Evaluate(delegateCreation.Target);
                return null;
            case IDeclarationExpressionOperation declaration:
                return Evaluate(declaration.Expression);
            case IInstanceReferenceOperation:
                return null;
            case IIsPatternOperation isPattern:
                Evaluate(isPattern.Value);
                foreach (var declared in isPattern.Pattern.DescendantsAndSelf())
                    if (declared is IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol local }) state.SetShape(local, FreshFor(local));
                return null;
            case ISwitchExpressionOperation switchExpression:
                return EvaluateSwitchExpression(switchExpression);
            case IThrowOperation thrown:
                Evaluate(thrown.Exception);
                return null;
            default:
                foreach (var child in operation.ChildOperations) Evaluate(child);
                return Fresh(operation);
        }
    }

    /// <summary>
    /// A lambda a test expects to throw — passed to Assert.Throws, Should().Throw, or next to a Throws constraint
    /// (Assert.That(() => …, Throws…)): a shape mismatch there is the point of the test, not a bug.
    /// </summary>
    private static bool IsExpectedToThrow(IAnonymousFunctionOperation lambda)
    {
        var argument = lambda.Parent is IDelegateCreationOperation creation ? creation.Parent : lambda.Parent;
        while (argument is IConversionOperation conversion) argument = conversion.Parent;
        if (argument is not IArgumentOperation { Parent: IInvocationOperation invocation }) return false;
        if (invocation.TargetMethod.Name.IndexOf("Throw", System.StringComparison.Ordinal) >= 0) return true;
        foreach (var sibling in invocation.Arguments)
            if (sibling != argument && sibling.Syntax.ToString().IndexOf("Throws", System.StringComparison.Ordinal) >= 0) return true;
        return false;
    }

    /// <summary>The shapes read back after evaluation: sums' receivers (the sums hint) and returned tuples' elements.</summary>
    private Dictionary<IOperation, Shape> LastShapes { get; } = new();

    private static bool IsReadBack(IOperation operation) =>
        operation.Parent is IInvocationOperation { TargetMethod.Name: "RowSums" or "ColumnSums" } sums && ReferenceEquals(sums.Instance, operation)
        || operation.Parent is ITupleOperation
        || operation.Parent is IConversionOperation { Parent: ITupleOperation };

    /// <summary>A matrix or vector value the analysis knows nothing about: unknown sizes a later use may fix.</summary>
    private Shape? Fresh(IOperation operation) =>
        Types.IsMatrixOrVector(operation.Type) ? solver.NewShape(operation.Syntax, Types.IsMatrix(operation.Type)) : null;

    private Shape? FreshFor(ILocalSymbol local) => Types.IsMatrixOrVector(local.Type) ? solver.NewShape(local.Name, Types.IsMatrix(local.Type)) : null;

    private Shape? ReadLocal(ISymbol symbol)
    {
        if (untracked.Contains(symbol)) return null;
        // Not resolved here: an unknown read back keeps its link to the use that fixed it (the provenance of a mismatch).
        return state.TryGetShape(symbol, out var shape) ? shape : null;
    }

    /// <summary>
    /// A field or property: its [Shape], or (on this object) the shape the constructors gave it, or (in a constructor)
    /// its latest assignment. On another object the same symbols may stand for other sizes: unknown sizes, fresh.
    /// </summary>
    private Shape? ReadMember(ISymbol member, IOperation? instance, IOperation operation)
    {
        if (!Types.IsMatrixOrVector(MemberType(member))) return null;
        var onThis = instance is null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };
        if (!onThis) return Fresh(operation);
        if (context.AnnotationOf(member)?.Shape is { } declared) return InScope(declared);
        if (state.TryGetShape(member, out var assigned) && assigned is not null) return assigned;
        if (ObjectFacts.Shapes.TryGetValue(member, out var fact)) return FromTypeFacts(fact);
        return Fresh(operation);
    }

    private static ITypeSymbol? MemberType(ISymbol member) => member switch
    {
        IFieldSymbol field => field.Type,
        IPropertySymbol property => property.Type,
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        _ => null,
    };

    private Shape? EvaluateConditional(IConditionalOperation conditional)
    {
        Evaluate(conditional.Condition);
        var before = state.Clone();
        var whenTrue = Evaluate(conditional.WhenTrue);
        var afterTrue = state;
        state = before;
        var whenFalse = Evaluate(conditional.WhenFalse);
        state = LocalState.Join(afterTrue, state, solver);
        return conditional.WhenFalse is null ? null : LocalState.JoinShapes(whenTrue, whenFalse, solver);
    }

    private Shape? EvaluateSwitchExpression(ISwitchExpressionOperation switchExpression)
    {
        Evaluate(switchExpression.Value);
        Shape? joined = null;
        var first = true;
        foreach (var arm in switchExpression.Arms)
        {
            Evaluate(arm.Guard);
            var shape = Evaluate(arm.Value);
            joined = first ? shape : LocalState.JoinShapes(joined, shape, solver);
            first = false;
        }

        return joined;
    }

    private Shape? EvaluateBinary(IBinaryOperation binary)
    {
        var leftIsMathNet = Types.IsMatrixOrVector(binary.LeftOperand.Type);
        var rightIsMathNet = Types.IsMatrixOrVector(binary.RightOperand.Type);
        var left = Evaluate(binary.LeftOperand);
        var right = Evaluate(binary.RightOperand);
        if (!leftIsMathNet && !rightIsMathNet) return null;
        var symbol = binary.OperatorKind switch
        {
            BinaryOperatorKind.Multiply => "*",
            BinaryOperatorKind.Add => "+",
            BinaryOperatorKind.Subtract => "-",
            _ => "∘",
        };
        if (!leftIsMathNet || !rightIsMathNet) return leftIsMathNet ? left : right;
        if (left is null || right is null) return null;
        var bothVectors = Types.IsVector(binary.LeftOperand.Type) && Types.IsVector(binary.RightOperand.Type);
        return Apply(MathNetTransfers.Operator(symbol, left, right, leftIsMathNet, rightIsMathNet, bothVectors), binary);
    }

    /// <summary>
    /// Checks a transfer's requirements (fixing unknowns, or finding a mismatch) and returns the result's shape:
    /// unknown once a mismatch is found, so nothing downstream is reported because of it.
    /// </summary>
    private Shape? Apply(TransferResult transfer, IOperation operation)
    {
        var origin = Origin.At(operation.Syntax);
        var failed = false;
        foreach (var requirement in transfer.Requirements)
            if (Check(requirement, operation, origin)) failed = true;
        return failed ? null : transfer.Result;
    }

    /// <summary>Checks one requirement; true when it is a mismatch (then recorded as a finding).</summary>
    private bool Check(Requirement requirement, IOperation operation, Origin origin)
    {
        var left = requirement.Left;
        var right = requirement.Right;
        switch (requirement.Kind)
        {
            case RequirementKind.ProductInner:
                var a = requirement.Form == ProductForm.TransposeLeft ? left.Transposed() : left;
                var b = requirement.Form == ProductForm.TransposeRight ? right.Transposed() : right;
                var innerLeft = a.IsMatrix ? a.Columns : a.Length;
                var innerRight = b.IsMatrix ? b.Rows : b.Length;
                if (solver.Unify(innerLeft, innerRight, origin) is not { } product) return false;
                AddFinding(new ProductMismatch(operation.Syntax, solver.Resolve(left)!, solver.Resolve(right)!, requirement.Form, product.Left, product.Right,
                    product.Provenance), operation);
                return true;
            case RequirementKind.SameShape:
                if (left.IsMatrix != right.IsMatrix) return false;
                Mismatch? first = null;
                for (var i = 0; i < left.Dims.Length; i++)
                    if (solver.Unify(left.Dims[i], right.Dims[i], origin) is { } mismatch) first ??= mismatch;
                if (first is null) return false;
                var l = solver.Resolve(left)!;
                var r = solver.Resolve(right)!;
                var detail = l.IsVector ? $"lengths {Unknowns.Display(l.Length)} and {Unknowns.Display(r.Length)} differ" : "shapes differ";
                AddFinding(new OperandMismatch(operation.Syntax, requirement.OperationName, l, r, detail, first.Provenance), operation);
                return true;
            default:
                if (solver.Unify(requirement.LeftDim, requirement.RightDim, origin) is not { } axis) return false;
                AddFinding(new OperandMismatch(operation.Syntax, requirement.OperationName, solver.Resolve(left)!, solver.Resolve(right)!,
                    $"{requirement.AxisName} {Unknowns.Display(axis.Left)} and {Unknowns.Display(axis.Right)} differ", axis.Provenance), operation);
                return true;
        }
    }

    /// <summary>The size an int expression denotes: a literal, RowCount/ColumnCount/Count, a size symbol, +, −, ×.</summary>
    private DimExpression? EvaluateSize(IOperation? operation)
    {
        if (operation is null || depth >= MaxDepth) return null;
        if (operation.ConstantValue is { HasValue: true, Value: int or long } constant)
            return DimExpression.Literal(System.Convert.ToInt64(constant.Value, System.Globalization.CultureInfo.InvariantCulture));
        depth++;
        try
        {
            switch (operation)
            {
                case IConversionOperation conversion when IsSize(conversion.Operand.Type) || conversion.Operand.Type?.SpecialType is SpecialType.System_Int16:
                    return EvaluateSize(conversion.Operand);
                case IParenthesizedOperation parenthesized:
                    return EvaluateSize(parenthesized.Operand);
                case IBinaryOperation binary when binary.OperatorKind is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply:
                    var left = EvaluateSize(binary.LeftOperand);
                    var right = EvaluateSize(binary.RightOperand);
                    if (left is null || right is null) return null;
                    return binary.OperatorKind switch
                    {
                        BinaryOperatorKind.Add => left + right,
                        BinaryOperatorKind.Subtract => left - right,
                        _ => left * right,
                    };
                case IPropertyReferenceOperation { Instance: { } instance } property when property.Property.Name is "RowCount" or "ColumnCount" or "Count"
                    && Types.IsMatrixOrVector(instance.Type):
                    var shape = Evaluate(instance);
                    if (shape is null) return null;
                    return property.Property.Name switch
                    {
                        "RowCount" => shape.Rows,
                        "ColumnCount" => shape.Columns,
                        _ => shape.Length,
                    };
                case ILocalReferenceOperation local:
                    return !untracked.Contains(local.Local) && state.TryGetSize(local.Local, out var size) ? size : null;
                case IParameterReferenceOperation parameter:
                    return !untracked.Contains(parameter.Parameter) && state.TryGetSize(parameter.Parameter, out var parameterSize) ? parameterSize : null;
                case IFieldReferenceOperation field:
                    return MemberSize(field.Field, field.Instance);
                case IPropertyReferenceOperation property when property.Arguments.IsEmpty:
                    return MemberSize(property.Property, property.Instance);
                default:
                    Evaluate(operation);
                    return null;
            }
        }
        finally
        {
            depth--;
        }
    }

    /// <summary>An int field or property of this object: what the constructors stored, or a size symbol named after it.</summary>
    private DimExpression? MemberSize(ISymbol member, IOperation? instance)
    {
        if (!IsSize(MemberType(member))) return null;
        if (instance is not (null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance })) return null;
        if (state.TryGetSize(member, out var assigned)) return assigned;
        if (mode == InferenceMode.Constructor) return null;
        if (ObjectFacts.IsUnknown(member)) return null;
        if (ObjectFacts.Sizes.TryGetValue(member, out var fact)) return FromTypeFacts(fact);
        // Never assigned in this type's code (set from outside, or a constant read through a property): one size per object.
        if (context.IsAssignedInType(member)) return null;
        var name = objectRenames.TryGetValue(member.Name, out var renamed) ? renamed : member.Name;
        solver.AddObjectLevel(name);
        return DimExpression.Symbol(name);
    }
}
