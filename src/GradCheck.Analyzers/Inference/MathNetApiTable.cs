using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using GradCheck.Analyzers.Model;
using GradCheck.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace GradCheck.Analyzers.Inference;

/// <summary>
/// How MathNet's operators, methods, builders and constructors transform shapes, and which of them the rules
/// check. The whole MathNet surface the analyzer understands is here; anything not listed has an unknown shape.
/// </summary>
internal static class MathNetApiTable
{
    private delegate Shape? Rule(in ApiCall call);

    private static readonly Dictionary<string, Rule> MatrixMethods = new(StringComparer.Ordinal)
    {
        ["Multiply"] = (in ApiCall c) => MultiplyLike(c, ProductForm.Plain),
        ["TransposeThisAndMultiply"] = (in ApiCall c) => MultiplyLike(c, ProductForm.TransposeLeft),
        ["TransposeAndMultiply"] = (in ApiCall c) => MultiplyLike(c, ProductForm.TransposeRight),
        ["LeftMultiply"] = (in ApiCall c) => ProductShapeMismatchRule.Check(c.Sink, c.Operation, c.ArgumentShape(0), c.Receiver, ProductForm.Plain),
        ["Transpose"] = (in ApiCall c) => c.Receiver?.Transposed(),
        ["ConjugateTranspose"] = (in ApiCall c) => c.Receiver?.Transposed(),
        ["PseudoInverse"] = (in ApiCall c) => c.Receiver?.Transposed(),
        ["Add"] = (in ApiCall c) => ElementwiseOrScalar(c, "Add"),
        ["Subtract"] = (in ApiCall c) => ElementwiseOrScalar(c, "Subtract"),
        ["Map2"] = (in ApiCall c) => ElementwiseShapeMismatchRule.Check(c.Sink, c.Operation, c.Receiver, c.ArgumentShape(1), "Map2"),
        ["Row"] = (in ApiCall c) => Shape.Vector(c.Method.Parameters.Length >= 3 ? c.ArgumentDim(2) : c.Receiver?.Columns),
        ["Column"] = (in ApiCall c) => Shape.Vector(c.Method.Parameters.Length >= 3 ? c.ArgumentDim(2) : c.Receiver?.Rows),
        ["RowSums"] = (in ApiCall c) => Shape.Vector(c.Receiver?.Rows),
        ["RowAbsoluteSums"] = (in ApiCall c) => Shape.Vector(c.Receiver?.Rows),
        ["RowNorms"] = (in ApiCall c) => Shape.Vector(c.Receiver?.Rows),
        ["ColumnSums"] = (in ApiCall c) => Shape.Vector(c.Receiver?.Columns),
        ["ColumnAbsoluteSums"] = (in ApiCall c) => Shape.Vector(c.Receiver?.Columns),
        ["ColumnNorms"] = (in ApiCall c) => Shape.Vector(c.Receiver?.Columns),
        ["SubMatrix"] = (in ApiCall c) => Shape.Matrix(c.ArgumentDim(1), c.ArgumentDim(3)),
        ["Append"] = (in ApiCall c) => Concatenate(c, byRows: false),
        ["Stack"] = (in ApiCall c) => Concatenate(c, byRows: true),
        ["RemoveRow"] = (in ApiCall c) => Shape.Matrix(null, c.Receiver?.Columns),
        ["RemoveColumn"] = (in ApiCall c) => Shape.Matrix(c.Receiver?.Rows, null),
    };

    private static readonly Dictionary<string, Rule> VectorMethods = new(StringComparer.Ordinal)
    {
        ["DotProduct"] = (in ApiCall c) => DotProduct(c, "DotProduct"),
        ["ConjugateDotProduct"] = (in ApiCall c) => DotProduct(c, "ConjugateDotProduct"),
        ["OuterProduct"] = (in ApiCall c) => OuterProduct(c),
        ["Add"] = (in ApiCall c) => ElementwiseOrScalar(c, "Add"),
        ["Subtract"] = (in ApiCall c) => ElementwiseOrScalar(c, "Subtract"),
        ["Map2"] = (in ApiCall c) => ElementwiseShapeMismatchRule.Check(c.Sink, c.Operation, c.Receiver, c.ArgumentShape(1), "Map2"),
        ["ToRowMatrix"] = (in ApiCall c) => c.Receiver is null ? null : Shape.Matrix(Dim.Constant(1), c.Receiver.Length),
        ["ToColumnMatrix"] = (in ApiCall c) => c.Receiver is null ? null : Shape.Matrix(c.Receiver.Length, Dim.Constant(1)),
        ["SubVector"] = (in ApiCall c) => Shape.Vector(c.ArgumentDim(1)),
    };

    /// <summary>Methods that keep the receiver's shape (scalar operands, maps, copies).</summary>
    private static readonly HashSet<string> ShapePreserving = new(StringComparer.Ordinal)
    {
        "Map", "MapIndexed", "MapConvert", "MapIndexedConvert", "Negate", "Clone", "Conjugate", "Divide", "DivideByThis",
        "Modulus", "ModulusByThis", "Remainder", "RemainderByThis", "Inverse", "Power", "NormalizeRows", "NormalizeColumns",
        "Normalize", "Multiply", "Add", "Subtract", "SubtractFrom", "Clamp",
    };

    /// <summary>Operators: products, dot products, element-wise +/−/%, scalar scaling.</summary>
    public static Shape? Binary(MethodShapeInference inference, IBinaryOperation binary) =>
        BinaryShape(inference, binary, binary.OperatorKind, binary.LeftOperand, binary.RightOperand);

    /// <summary>a += b and friends: the operator applied to the target and the value.</summary>
    public static Shape? CompoundAssignment(MethodShapeInference inference, ICompoundAssignmentOperation compound) =>
        BinaryShape(inference, compound, compound.OperatorKind, compound.Target, compound.Value);

    private static Shape? BinaryShape(MethodShapeInference inference, IOperation operation, BinaryOperatorKind kind, IOperation leftOperand, IOperation rightOperand)
    {
        var types = inference.TypesForRules;
        var leftIsMathNet = types.IsMatrixOrVector(leftOperand.Type);
        var rightIsMathNet = types.IsMatrixOrVector(rightOperand.Type);
        if (!leftIsMathNet && !rightIsMathNet) return null;
        var left = inference.Evaluate(leftOperand);
        var right = inference.Evaluate(rightOperand);
        if (!leftIsMathNet) return right;  // scalar ∘ matrix
        if (!rightIsMathNet) return left;  // matrix ∘ scalar

        var bothVectors = types.IsVector(leftOperand.Type) && types.IsVector(rightOperand.Type);
        switch (kind)
        {
            case BinaryOperatorKind.Multiply when bothVectors:
                // Vector * Vector is MathNet's dot product: a scalar.
                ElementwiseShapeMismatchRule.Check(inference.Sink, operation, left, right, "Dot product (*)");
                return null;
            case BinaryOperatorKind.Multiply:
                return ProductShapeMismatchRule.Check(inference.Sink, operation, left, right, ProductForm.Plain);
            case BinaryOperatorKind.Add:
                return ElementwiseShapeMismatchRule.Check(inference.Sink, operation, left, right, "Addition (+)");
            case BinaryOperatorKind.Subtract:
                return ElementwiseShapeMismatchRule.Check(inference.Sink, operation, left, right, "Subtraction (−)");
            default:
                return ElementwiseShapeMismatchRule.Check(inference.Sink, operation, left, right, "Element-wise operator");
        }
    }

    /// <summary>Method calls on matrices and vectors, builder calls and MathNet static factories.</summary>
    public static Shape? Invocation(MethodShapeInference inference, IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var types = inference.TypesForRules;
        if (!MathNetSymbols.IsInLinearAlgebra(method.ContainingType)) return null;

        if (MathNetSymbols.IsBuilder(method.ContainingType, out var buildsMatrix))
        {
            var call = new ApiCall(inference, invocation, method, null, invocation.Arguments);
            return buildsMatrix ? MatrixSizes(call, method.Name) : VectorSizes(call);
        }

        if (method.IsStatic)
        {
            var call = new ApiCall(inference, invocation, method, null, invocation.Arguments);
            if (method.Name == "OuterProduct" && types.IsVector(call.ParameterType(0)))
                return Shape.Matrix(call.ArgumentShape(0)?.Length, call.ArgumentShape(1)?.Length);
            // DenseMatrix.Create(rows, cols, value), CreateMatrix.Dense<T>(rows, cols), CreateVector.Random<T>(n), ...
            if (method.Name.StartsWith("Create", StringComparison.Ordinal) || method.ContainingType.Name is "CreateMatrix" or "CreateVector")
                return types.IsMatrix(method.ReturnType) ? MatrixSizes(call, method.Name) : types.IsVector(method.ReturnType) ? VectorSizes(call) : null;
            return null;
        }

        var receiverType = invocation.Instance?.Type;
        var isMatrix = types.IsMatrix(receiverType);
        if (!isMatrix && !types.IsVector(receiverType)) return null;
        var receiver = inference.Evaluate(invocation.Instance);
        var apiCall = new ApiCall(inference, invocation, method, receiver, invocation.Arguments);
        var table = isMatrix ? MatrixMethods : VectorMethods;
        if (table.TryGetValue(method.Name, out var rule)) return rule(apiCall);
        if (method.Name.StartsWith("Pointwise", StringComparison.Ordinal)) return Pointwise(apiCall);
        return ShapePreserving.Contains(method.Name) && types.IsMatrixOrVector(method.ReturnType) ? receiver : null;
    }

    /// <summary>new DenseMatrix(rows, columns), new DenseVector(size), ...</summary>
    public static Shape? Creation(MethodShapeInference inference, IObjectCreationOperation creation)
    {
        var types = inference.TypesForRules;
        if (creation.Constructor is not { } constructor || !MathNetSymbols.IsInLinearAlgebra(constructor.ContainingType)) return null;
        var call = new ApiCall(inference, creation, constructor, null, creation.Arguments);
        if (types.IsMatrix(creation.Type)) return MatrixSizes(call, constructor.Name);
        if (types.IsVector(creation.Type)) return VectorSizes(call);
        return null;
    }

    /// <summary>(rows, columns, ...) gives rows × columns; a single leading size (order, ...) a square matrix.</summary>
    private static Shape? MatrixSizes(in ApiCall call, string name)
    {
        if (!call.ParameterIsInt(0)) return null;
        // RandomPositiveDefinite(order, seed): the second int is not a size.
        if (call.ParameterIsInt(1) && name != "RandomPositiveDefinite") return Shape.Matrix(call.ArgumentDim(0), call.ArgumentDim(1));
        var order = call.ArgumentDim(0);
        return Shape.Matrix(order, order);
    }

    private static Shape? VectorSizes(in ApiCall call) => call.ParameterIsInt(0) ? Shape.Vector(call.ArgumentDim(0)) : null;

    private static Shape? MultiplyLike(in ApiCall call, ProductForm form)
    {
        var types = call.Inference.TypesForRules;
        var otherType = call.ParameterType(0);
        if (!types.IsMatrixOrVector(otherType)) return call.Receiver; // scaling by a scalar
        var product = ProductShapeMismatchRule.Check(call.Sink, call.Operation, call.Receiver, call.ArgumentShape(0), form);
        return call.Method.ReturnsVoid ? null : product;
    }

    private static Shape? ElementwiseOrScalar(in ApiCall call, string name)
    {
        if (!call.Inference.TypesForRules.IsMatrixOrVector(call.ParameterType(0))) return call.Receiver;
        return ElementwiseShapeMismatchRule.Check(call.Sink, call.Operation, call.Receiver, call.ArgumentShape(0), name);
    }

    private static Shape? Pointwise(in ApiCall call)
    {
        var shape = ElementwiseOrScalar(call, call.Method.Name);
        return call.Method.ReturnsVoid ? null : shape;
    }

    private static Shape? DotProduct(in ApiCall call, string name)
    {
        ElementwiseShapeMismatchRule.Check(call.Sink, call.Operation, call.Receiver, call.ArgumentShape(0), name);
        return null;
    }

    private static Shape? OuterProduct(in ApiCall call) =>
        call.Receiver is null && call.ArgumentShape(0) is null ? null : Shape.Matrix(call.Receiver?.Length, call.ArgumentShape(0)?.Length);

    /// <summary>Append puts B right of A (rows must agree); Stack puts B below A (columns must agree).</summary>
    private static Shape? Concatenate(in ApiCall call, bool byRows)
    {
        var left = call.Receiver;
        var right = call.ArgumentShape(0);
        if (left is null || right is null || !left.IsMatrix || !right.IsMatrix) return null;
        if (byRows)
        {
            ElementwiseShapeMismatchRule.CheckAxis(call.Sink, call.Operation, left, right, left.Columns, right.Columns, "Stack", "column counts");
            return Shape.Matrix(Sum(left.Rows, right.Rows), left.Columns ?? right.Columns);
        }
        ElementwiseShapeMismatchRule.CheckAxis(call.Sink, call.Operation, left, right, left.Rows, right.Rows, "Append", "row counts");
        return Shape.Matrix(left.Rows ?? right.Rows, Sum(left.Columns, right.Columns));
    }

    private static Dim? Sum(Dim? a, Dim? b) =>
        a is { Kind: DimKind.Constant } && b is { Kind: DimKind.Constant } ? Dim.Constant(a.Value + b.Value) : null;
}
