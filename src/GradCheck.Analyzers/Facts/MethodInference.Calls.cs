using System.Collections.Generic;
using System.Collections.Immutable;
using GradCheck.Analyzers.Facts.Findings;
using GradCheck.Analyzers.Model;
using GradCheck.Analyzers.Symbols;
using GradCheck.Analyzers.Transfers;
using GradCheck.Dims;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace GradCheck.Analyzers.Facts;

internal sealed partial class MethodInference
{
    private Shape? EvaluateInvocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (IsShapesAssert(invocation)) return EvaluateAssertion(invocation);

        if (KnownSymbols.IsInLinearAlgebra(method.ContainingType))
        {
            var receiver = Evaluate(invocation.Instance);
            var saved = BeginCall();
            try
            {
                var call = new ApiCall(this, method, receiver, invocation.Arguments);
                var transfer = MathNetTransfer(invocation, call);
                // Arguments are evaluated (in order) by the transfer as it reads them; the rest for their stores.
                EvaluateUnreadArguments(invocation.Arguments);
                if (transfer is { } result) return ResultOf(Apply(result, invocation), invocation);
                return Fresh(invocation);
            }
            finally
            {
                EndCall(saved);
            }
        }

        Evaluate(invocation.Instance);
        // A method of this object may assign its members: what this body stored in them is no longer known.
        if (!method.IsStatic && invocation.Instance is null or IInstanceReferenceOperation && mode != InferenceMode.Constructor) ForgetMembers();
        if (Types.IsMatrixOrVector(method.ReturnType) || TakesMathNet(method))
            return CallOfUserMethod(invocation) ?? Fresh(invocation);
        foreach (var argument in invocation.Arguments) Evaluate(argument.Value);
        return Fresh(invocation);
    }

    /// <summary>A MathNet call whose transfer gave no shape but reported nothing: unknown sizes a later use may fix.</summary>
    private Shape? ResultOf(Shape? shape, IOperation operation) => shape ?? (reported.Contains(operation) ? null : Fresh(operation));

    private void EvaluateUnreadArguments(ImmutableArray<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
            if (argument.ArgumentKind != ArgumentKind.DefaultValue && !WasRead(argument.Value)) Evaluate(argument.Value);
    }

    private TransferResult? MathNetTransfer(IInvocationOperation invocation, in ApiCall call)
    {
        var method = invocation.TargetMethod;
        var containing = method.ContainingType;
        if (Types.IsMatrixBuilder(containing))
            return MathNetTransfers.MatrixBuilderMembers.TryGetValue(method.Name, out var build) ? build(call) : null;
        if (Types.IsVectorBuilder(containing))
            return MathNetTransfers.VectorBuilderMembers.TryGetValue(method.Name, out var build) ? build(call) : null;
        if (method.IsStatic)
        {
            if (method.Name == "OuterProduct" && Types.IsVector(call.ParameterType(0)))
                return MathNetTransfers.VectorMembers["OuterProduct"](call);
            // DenseMatrix.Create(rows, columns, value), CreateMatrix.Dense<T>(rows, columns), CreateVector.Random<T>(length)...
            if (Types.IsMatrix(method.ReturnType)) return MathNetTransfers.MatrixSizes(call);
            if (Types.IsVector(method.ReturnType)) return MathNetTransfers.VectorSizes(call);
            return null;
        }

        var receiverType = invocation.Instance?.Type;
        var isMatrix = Types.IsMatrix(receiverType);
        if (!isMatrix && !Types.IsVector(receiverType)) return null;
        if (method.Name is "DotProduct" or "ConjugateDotProduct")
            return MathNetTransfers.DotProduct(call.Receiver, call.ArgumentShape(0), method.Name);
        if (!Types.IsMatrixOrVector(method.ReturnType)) return null;
        return MathNetTransfers.ForMember(method.Name, isMatrix) is { } transfer ? transfer(call) : null;
    }

    private Shape? EvaluateCreation(IObjectCreationOperation creation)
    {
        if (creation.Constructor is { } constructor && KnownSymbols.IsInLinearAlgebra(constructor.ContainingType) && Types.IsMatrixOrVector(creation.Type))
        {
            var saved = BeginCall();
            try
            {
                var call = new ApiCall(this, constructor, null, creation.Arguments);
                var transfer = Types.IsMatrix(creation.Type) ? MathNetTransfers.MatrixSizes(call) : MathNetTransfers.VectorSizes(call);
                EvaluateUnreadArguments(creation.Arguments);
                return ResultOf(Apply(transfer, creation), creation);
            }
            finally
            {
                EndCall(saved);
            }
        }

        foreach (var argument in creation.Arguments) Evaluate(argument.Value);
        Evaluate(creation.Initializer);
        return Fresh(creation);
    }

    private static bool TakesMathNet(IMethodSymbol method, KnownSymbols types)
    {
        foreach (var parameter in method.Parameters)
            if (types.IsMatrixOrVector(parameter.Type)) return true;
        return false;
    }

    private bool TakesMathNet(IMethodSymbol method) => TakesMathNet(method, Types);

    /// <summary>
    /// A call of a method of this compilation: its signature — declared with [Shape], or inferred from its body — is
    /// instantiated afresh (each of its size symbols a new unknown, except the type's own on the same object), the
    /// arguments are made to fit its parameters, and the result has its return shape.
    /// </summary>
    private Shape? CallOfUserMethod(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var sharesObject = method.ContainingType is { } callee && containingType is not null
            && SymbolEqualityComparer.Default.Equals(ShapeContext.Definition(callee), ShapeContext.Definition(containingType))
            && invocation.Instance is null or IInstanceReferenceOperation;
        var signature = context.SignatureOf(method, stack);
        if (signature is null)
        {
            foreach (var argument in invocation.Arguments) Evaluate(argument.Value);
            return null;
        }

        var fresh = new Dictionary<string, DimExpression>(System.StringComparer.Ordinal);
        DimExpression? Instantiate(DimExpression? dim) => dim?.Substitute(symbol =>
        {
            if (sharesObject && !Unknowns.IsUnknown(symbol) && signature.TypeLevel.Contains(symbol)) return null;
            if (!fresh.TryGetValue(symbol, out var value))
                fresh[symbol] = value = solver.NewUnknown($"{method.Name}'s {symbol}", "", fixedByLiterals: true);
            return value;
        });

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { } parameter || argument.ArgumentKind == ArgumentKind.DefaultValue)
                continue;
            var ordinal = parameter.Ordinal;
            if (ordinal < signature.ParameterSizes.Length && signature.ParameterSizes[ordinal] is { } sizeSymbol)
            {
                var size = solver.Resolve(EvaluateSize(argument.Value));
                solver.Unify(Instantiate(sizeSymbol), size, Origin.At(argument.Value.Syntax));
                continue;
            }

            var shape = Evaluate(argument.Value);
            if (ordinal >= signature.ParameterShapes.Length || signature.ParameterShapes[ordinal] is not { } declared) continue;
            var target = signature.Inferred
                ? $"is passed to parameter '{parameter.Name}' of '{method.Name}' (shape inferred from its body)"
                : $"is passed to parameter '{parameter.Name}' of '{method.Name}'";
            CheckDeclared(argument.Value, shape, declared.With(Instantiate), target);
        }

        return signature.Result is { } result ? solver.Resolve(result.With(Instantiate)) : null;
    }

    /// <summary><c>GradCheck.Shapes.Assert(value, "N", "D")</c>: states a value's shape at this point.</summary>
    private bool IsShapesAssert(IInvocationOperation invocation) =>
        Types.ShapesHelper is { } helper
        && invocation.TargetMethod.Name == "Assert"
        && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, helper)
        && invocation.Arguments.Length >= 1;

    private Shape? EvaluateAssertion(IInvocationOperation invocation)
    {
        var value = invocation.Arguments[0].Value;
        var shape = Evaluate(value);
        var valueType = (value as IConversionOperation)?.Operand.Type ?? value.Type;
        var dims = ImmutableArray.CreateBuilder<string?>();
        for (var i = 1; i < invocation.Arguments.Length; i++)
        {
            var argument = invocation.Arguments[i].Value;
            if (argument is IArrayCreationOperation { Initializer: { } initializer })
                foreach (var element in initializer.ElementValues) dims.Add(element.ConstantValue.Value as string);
            else if (argument is IArrayCreationOperation) continue;
            else dims.Add(argument.ConstantValue.Value as string);
        }

        var annotation = Annotation.FromDims(dims.ToImmutable(), valueType, Types);
        if (annotation is null) return shape;
        if (annotation.Problem is { } problem)
        {
            AddFinding(new InvalidAssertion(invocation.Syntax, value.Syntax.ToString(), problem), invocation);
            return null;
        }

        var asserted = annotation.Shape!;
        CheckDeclared(value, shape, asserted, "is passed to Shapes.Assert");
        // The assertion states the shape here: a local holds it until its next assignment.
        if (LocalOrParameter(Unwrap(value)) is { } local && !untracked.Contains(local)) state.SetShape(local, asserted);
        return asserted;
    }
}
