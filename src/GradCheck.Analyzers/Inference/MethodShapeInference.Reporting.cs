using System.Collections.Immutable;
using GradCheck.Analyzers.Model;
using GradCheck.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace GradCheck.Analyzers.Inference;

internal sealed partial class MethodShapeInference
{
    /// <summary>The reporting round: evaluates every MathNet operation once (GC0001, GC0002) and checks every
    /// store into something with a declared or implied shape (GC0003, GC0004).</summary>
    private void ReportAll()
    {
        foreach (var operation in operations)
        {
            switch (operation)
            {
                case ICompoundAssignmentOperation compound:
                    // dW += xᵀ·dY: the accumulated gradient must keep its shape too.
                    CheckStore(compound.Target, compound);
                    break;
                case IBinaryOperation or IInvocationOperation or IObjectCreationOperation:
                    Evaluate(operation);
                    break;
                case ISimpleAssignmentOperation assignment:
                    CheckStore(assignment.Target, assignment.Value);
                    break;
                case IVariableDeclaratorOperation declarator when declarator.Initializer?.Value is { } value:
                    CheckLocal(declarator.Symbol, value);
                    break;
                case IReturnOperation { ReturnedValue: { } returned } ret:
                    CheckReturn(ret, returned);
                    break;
                case IFieldInitializerOperation fields:
                    foreach (var field in fields.InitializedFields) CheckMember(field, fields.Value);
                    break;
                case IPropertyInitializerOperation properties:
                    foreach (var property in properties.InitializedProperties) CheckMember(property, properties.Value);
                    break;
            }
        }
    }

    private void CheckStore(IOperation target, IOperation value)
    {
        switch (target)
        {
            case ILocalReferenceOperation local:
                CheckLocal(local.Local, value);
                break;
            case IParameterReferenceOperation parameter:
                CheckAnnotatedOrGradient(parameter.Parameter, value, parameter.Parameter.RefKind == RefKind.Out ? "out parameter" : "parameter");
                break;
            case IFieldReferenceOperation field when field.Instance is null or IInstanceReferenceOperation:
                CheckMember(field.Field, value);
                break;
            case IPropertyReferenceOperation property when property.Instance is null or IInstanceReferenceOperation:
                CheckMember(property.Property, value);
                break;
            default:
                Evaluate(value);
                break;
        }
    }

    private void CheckLocal(ILocalSymbol local, IOperation value)
    {
        if (assertedShapes.TryGetValue(local, out var asserted))
        {
            var assigned = Evaluate(value);
            if (Sink is not null && Shape.DefinitelyDiffer(assigned, asserted))
                AnnotatedTargetShapeMismatchRule.Check(Sink, value, assigned, asserted, $"is assigned to local '{local.Name}'");
            return;
        }
        CheckGradient(local.Name, value, Evaluate(value));
    }

    private void CheckMember(ISymbol member, IOperation value) =>
        CheckAnnotatedOrGradient(member, value, member is IFieldSymbol ? "field" : "property");

    private void CheckAnnotatedOrGradient(ISymbol target, IOperation value, string kind)
    {
        var shape = Evaluate(value);
        if (cache.AnnotationOf(target)?.Shape is { } declared)
        {
            if (Sink is not null && Shape.DefinitelyDiffer(shape, declared))
                AnnotatedTargetShapeMismatchRule.Check(Sink, Unwrap(value), shape, declared, $"is assigned to {kind} '{target.Name}'", SumsSwapHint.For(this, value, declared));
        }
        else
            CheckGradient(target.Name, value, shape);
    }

    private void CheckReturn(IReturnOperation ret, IOperation returned)
    {
        // A return inside a lambda or local function belongs to that function, not to this method.
        for (var parent = ret.Parent; parent is not null; parent = parent.Parent)
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation) return;
        if (owner is not IMethodSymbol method) return;

        var shape = Evaluate(returned);
        var declared = method.AssociatedSymbol is IPropertySymbol property && method.MethodKind == MethodKind.PropertyGet
            ? cache.AnnotationOf(property)?.Shape
            : cache.ReturnAnnotationOf(method)?.Shape;
        if (declared is not null)
        {
            if (Sink is not null && Shape.DefinitelyDiffer(shape, declared))
                AnnotatedTargetShapeMismatchRule.Check(Sink, Unwrap(returned), shape, declared, $"is returned from '{method.Name}'", SumsSwapHint.For(this, returned, declared));
        }

        if (Unwrap(returned) is ITupleOperation tuple) CheckReturnedTuple(method, tuple);
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
            CheckGradient(name, value, Evaluate(value));
        }
    }

    private void CheckGradient(string gradientName, IOperation value, Shape? shape)
    {
        if (shape is null || !GradientNaming.MayBeGradient(gradientName)) return;
        foreach (var candidate in GradientNaming.CandidateVariables(gradientName))
        {
            if (VariableShape(candidate) is not { } variableShape) continue;
            if (shape.IsMatrix != variableShape.IsMatrix) return;
            if (Sink is not null && Shape.DefinitelyDiffer(shape, variableShape))
                GradientShapeMismatchRule.Check(Sink, Unwrap(value), shape, gradientName, candidate, variableShape, SumsSwapHint.For(this, value, variableShape));
            return;
        }
    }

    /// <summary>The annotated shape of a parameter of this method, or of a field or property of this type, by name.</summary>
    private Shape? VariableShape(string name)
    {
        if (owner is IMethodSymbol method)
            foreach (var parameter in method.Parameters)
                if (parameter.Name == name) return cache.AnnotationOf(parameter)?.Shape;
        for (var type = containingType; type is not null; type = type.BaseType)
            foreach (var member in type.GetMembers(name))
                if (member is IFieldSymbol or IPropertySymbol) return cache.AnnotationOf(member)?.Shape;
        return null;
    }

    internal static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion) operation = conversion.Operand;
        return operation;
    }
}
