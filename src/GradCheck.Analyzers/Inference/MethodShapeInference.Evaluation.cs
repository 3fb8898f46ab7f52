using System.Collections.Generic;
using GradCheck.Analyzers.Model;
using GradCheck.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace GradCheck.Analyzers.Inference;

internal sealed partial class MethodShapeInference
{
    private const int MaxDepth = 200;
    private readonly Dictionary<ISymbol, Shape?> opaqueShapes = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, Dim> opaqueDims = new(SymbolEqualityComparer.Default);
    private int depth;

    /// <summary>The shape of a matrix- or vector-valued operation, as far as known; null when unknown.</summary>
    internal Shape? Evaluate(IOperation? operation)
    {
        if (operation is null) return null;
        // Only operations that check something are remembered: each must report once, and re-evaluating a
        // reference or a conversion is cheaper than remembering it.
        var remember = operation is IBinaryOperation or IInvocationOperation or IObjectCreationOperation or ICompoundAssignmentOperation;
        if (remember)
        {
            if (memo.TryGetValue(operation, out var known)) return known;
            memo[operation] = null;
        }
        // A stack overflow cannot be caught: very deep expressions (generated code) are left unknown instead.
        if (depth >= MaxDepth) return null;
        depth++;
        try
        {
            var shape = EvaluateUncached(operation);
            if (remember) memo[operation] = shape;
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
                return LocalShape(local.Local);
            case IParameterReferenceOperation parameter:
                return ParameterShape(parameter.Parameter);
            case IFieldReferenceOperation field:
                return MemberShape(field.Field, field.Instance);
            case IPropertyReferenceOperation property:
                return MemberShape(property.Property, property.Instance);
            case IBinaryOperation binary:
                return MathNetApiTable.Binary(this, binary);
            case IUnaryOperation unary:
                return Types.IsMatrixOrVector(unary.Type) ? Evaluate(unary.Operand) : null;
            case ICompoundAssignmentOperation compound:
                return MathNetApiTable.CompoundAssignment(this, compound);
            case ISimpleAssignmentOperation assignment:
                return Evaluate(assignment.Value);
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                return Shape.Join(Evaluate(conditional.WhenTrue), Evaluate(whenFalse));
            case ICoalesceOperation coalesce:
                return Shape.Join(Evaluate(coalesce.Value), Evaluate(coalesce.WhenNull));
            case IInvocationOperation invocation:
                if (IsShapesAssert(invocation)) return AssertedShape(invocation);
                return MathNetApiTable.Invocation(this, invocation) ?? UserMethodShape(invocation);
            case IObjectCreationOperation creation:
                return MathNetApiTable.Creation(this, creation);
            default:
                return null;
        }
    }

    private Shape? LocalShape(ILocalSymbol local)
    {
        if (assertedShapes.TryGetValue(local, out var asserted)) return asserted;
        if (unknowable.Contains(local)) return null;
        if (shapes.TryGetValue(local, out var shape)) return shape;
        readUnsettledLocal = true;
        return null;
    }

    private Shape? ParameterShape(IParameterSymbol parameter)
    {
        if (cache.AnnotationOf(parameter)?.Shape is { } annotated) return annotated;
        if (!Types.IsMatrixOrVector(parameter.Type)) return null;
        // Reassigned parameters behave like locals whose first value is unknown.
        if (assignments.ContainsKey(parameter) || unknowable.Contains(parameter) || parameter.RefKind != RefKind.None) return null;
        return OpaqueShape(parameter, parameter.Type);
    }

    /// <summary>An unannotated, never reassigned input: sizes unknown but fixed, so x·xᵀ is at least consistent.</summary>
    private Shape? OpaqueShape(ISymbol symbol, ITypeSymbol type)
    {
        if (opaqueShapes.TryGetValue(symbol, out var known)) return known;
        var shape = NewOpaqueShape(symbol, type);
        opaqueShapes[symbol] = shape;
        return shape;
    }

    private Shape? NewOpaqueShape(ISymbol symbol, ITypeSymbol type)
    {
        if (Types.IsMatrix(type))
            return Shape.Matrix(Dim.Opaque((symbol, 0), symbol.Name + ".RowCount"), Dim.Opaque((symbol, 1), symbol.Name + ".ColumnCount"));
        if (Types.IsVector(type))
            return Shape.Vector(Dim.Opaque((symbol, 0), symbol.Name + ".Count"));
        return null;
    }

    /// <summary>
    /// Fields and properties of this object (or static ones) share the type's symbols; on another object the same
    /// symbols may stand for other sizes, so there the shape is unknown.
    /// </summary>
    private Shape? MemberShape(ISymbol member, IOperation? instance)
    {
        if (instance is not null && instance is not IInstanceReferenceOperation) return null;
        return cache.AnnotationOf(member)?.Shape;
    }

    /// <summary>An int expression as a size: a literal, a RowCount/ColumnCount/Count, or an alias of one.</summary>
    internal Dim? EvaluateDim(IOperation? operation)
    {
        if (operation is null || depth >= MaxDepth) return null;
        if (operation.ConstantValue is { HasValue: true, Value: int constant }) return constant >= 0 ? Dim.Constant(constant) : null;
        switch (operation)
        {
            case IConversionOperation conversion:
                return EvaluateDim(conversion.Operand);
            case IParenthesizedOperation parenthesized:
                return EvaluateDim(parenthesized.Operand);
            case IPropertyReferenceOperation { Instance: { } instance } property when property.Property.Name is "RowCount" or "ColumnCount" or "Count":
                var shape = Evaluate(instance);
                if (shape is null) return null;
                return property.Property.Name switch
                {
                    "RowCount" => shape.Rows,
                    "ColumnCount" => shape.Columns,
                    _ => shape.Length,
                };
            case ILocalReferenceOperation local:
                if (unknowable.Contains(local.Local)) return null;
                if (dims.TryGetValue(local.Local, out var dim)) return dim;
                readUnsettledLocal = true;
                return null;
            case IParameterReferenceOperation parameter when parameter.Parameter.RefKind == RefKind.None
                && !assignments.ContainsKey(parameter.Parameter) && !unknowable.Contains(parameter.Parameter):
                return OpaqueDim(parameter.Parameter);
            case IFieldReferenceOperation { Field.IsReadOnly: true } field when field.Instance is null or IInstanceReferenceOperation:
                return OpaqueDim(field.Field);
            default:
                return null;
        }
    }

    private Dim OpaqueDim(ISymbol symbol)
    {
        if (!opaqueDims.TryGetValue(symbol, out var dim)) opaqueDims[symbol] = dim = Dim.Opaque(symbol, symbol.Name);
        return dim;
    }

    /// <summary>
    /// A call to a method with <c>[return: Shape]</c>: its signature's symbols are bound afresh from the arguments
    /// (checking them against the parameters' annotations), then substituted into the return annotation.
    /// </summary>
    private Shape? UserMethodShape(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (!MentionsMathNet(method)) return null;
        var returned = Types.IsMatrixOrVector(method.ReturnType) ? cache.ReturnAnnotationOf(method)?.Shape : null;
        var sharesTypeScope = SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, containingType?.OriginalDefinition)
            && invocation.Instance is null or IInstanceReferenceOperation;
        var fixedSymbols = sharesTypeScope ? cache.TypeLevelSymbols(method.ContainingType) : null;
        var bindings = new Dictionary<string, Dim?>(System.StringComparer.Ordinal);

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { } parameter || argument.ArgumentKind == ArgumentKind.DefaultValue) continue;
            var declared = cache.AnnotationOf(parameter)?.Shape;
            if (declared is null) continue;
            var actual = Evaluate(argument.Value);
            if (actual is null || actual.IsMatrix != declared.IsMatrix) continue;
            var expected = Substitute(declared, bindings, fixedSymbols);
            if (Sink is not null && Shape.DefinitelyDiffer(actual, expected))
                AnnotatedTargetShapeMismatchRule.Check(Sink, argument.Value, actual, expected, $"is passed to parameter '{parameter.Name}' of '{method.Name}'");
            for (var i = 0; i < declared.Dims.Length; i++)
            {
                if (declared.Dims[i] is { Kind: DimKind.Symbol } symbol && !IsFixed(symbol, fixedSymbols) && !bindings.ContainsKey(symbol.Name))
                    bindings[symbol.Name] = actual.Dims[i];
            }
        }
        return returned is null ? null : Substitute(returned, bindings, fixedSymbols);
    }

    /// <summary>Most calls (Math.Exp, Console.WriteLine) take and return no matrix: nothing to bind or check.</summary>
    private bool MentionsMathNet(IMethodSymbol method)
    {
        if (Types.IsMatrixOrVector(method.ReturnType)) return true;
        foreach (var parameter in method.Parameters)
            if (Types.IsMatrixOrVector(parameter.Type)) return true;
        return false;
    }

    private static bool IsFixed(Dim symbol, ISet<string>? fixedSymbols) => fixedSymbols is not null && fixedSymbols.Contains(symbol.Name);

    private static Shape Substitute(Shape declared, Dictionary<string, Dim?> bindings, ISet<string>? fixedSymbols)
    {
        Dim? Map(Dim? dim)
        {
            if (dim is not { Kind: DimKind.Symbol }) return dim;
            if (IsFixed(dim, fixedSymbols)) return dim;
            return bindings.TryGetValue(dim.Name, out var bound) ? bound : null;
        }
        return declared.IsMatrix ? Shape.Matrix(Map(declared.Rows), Map(declared.Columns)) : Shape.Vector(Map(declared.Length));
    }
}
