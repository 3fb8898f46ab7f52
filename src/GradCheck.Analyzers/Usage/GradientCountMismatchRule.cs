using System;
using System.Collections.Generic;
using GradCheck.Analyzers.Symbols;
using GradCheck.TestMethods;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace GradCheck.Analyzers.Usage;

/// <summary>
/// GC0008: a [GradCheck] method returns <c>Differentiable.Of(forward, backward)</c> (no WithInput/WithConstant after
/// it, so the runner makes the method's matrix and vector parameters (of double or float) the inputs) and the backward
/// lambda visibly returns a different number of gradients than there are differentiated (non-[Constant]) parameters.
/// </summary>
internal static class GradientCountMismatchRule
{
    /// <summary>Checks every <c>Differentiable.Of</c> the method's body returns (not those of nested lambdas or local functions).</summary>
    public static void Check(Action<Diagnostic> report, IMethodSymbol method, IEnumerable<IOperation> blocks, KnownSymbols types)
    {
        if (types.Differentiable is null) return;
        if (UncheckableReturnTypeRule.Classify(method.ReturnType) != TestMethodForm.ReturnsDifferentiable) return;
        if (DifferentiatedInputs(method, types) is not { } inputs) return;

        foreach (var block in blocks)
        {
            foreach (var returned in ReturnedValues(block))
            {
                foreach (var backward in BackwardLambdas(returned, types.Differentiable))
                {
                    foreach (var gradients in ReturnedValues(backward.Body))
                    {
                        var count = GradientCount(gradients, types);
                        if (count is null || count == inputs.Count) continue;
                        report(Diagnostic.Create(Descriptors.GradientCountMismatch, gradients.Syntax.GetLocation(),
                            Plural(count.Value, "gradient"), method.Name, Plural(inputs.Count, "differentiated input"), string.Join(", ", inputs)));
                    }
                }
            }
        }
    }

    /// <summary>
    /// The names of the parameters the runner differentiates, in order; null when that cannot be known or the runner
    /// would reject the method for another reason (generic, by-reference, another MathNet type, unresolved types or
    /// attributes, no differentiated input at all).
    /// </summary>
    private static List<string>? DifferentiatedInputs(IMethodSymbol method, KnownSymbols types)
    {
        if (method.IsGenericMethod) return null;
        var names = new List<string>();
        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind != RefKind.None) return null;
            switch (TensorKinds.KindOf(parameter.Type, types))
            {
                case TensorKind.None:
                    continue;
                case TensorKind.Matrix or TensorKind.Vector or TensorKind.Scalar:
                    var isConstant = KnownSymbols.HasAttribute(parameter.GetAttributes(), types.ConstantAttribute);
                    if (isConstant is null) return null;
                    if (isConstant == false) names.Add(parameter.Name);
                    continue;
                default:
                    return null;
            }
        }

        return names.Count == 0 ? null : names;
    }

    /// <summary>The backward lambdas of the <c>Differentiable.Of</c> calls a returned value is (directly, or either branch of a ?:).</summary>
    private static IEnumerable<IAnonymousFunctionOperation> BackwardLambdas(IOperation value, INamedTypeSymbol differentiable)
    {
        value = Unwrap(value);
        if (value is IConditionalOperation { WhenFalse: not null } conditional)
        {
            foreach (var lambda in BackwardLambdas(conditional.WhenTrue, differentiable)) yield return lambda;
            foreach (var lambda in BackwardLambdas(conditional.WhenFalse, differentiable)) yield return lambda;
            yield break;
        }

        // Differentiable.Of(...).WithInput(...) is an invocation of WithInput, not of Of: its inputs are not the parameters.
        if (value is not IInvocationOperation { TargetMethod: { Name: "Of", IsStatic: true } target } invocation
            || !SymbolEqualityComparer.Default.Equals(target.ContainingType, differentiable))
            yield break;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal != 1) continue;
            if (Unwrap(argument.Value) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
                yield return lambda;
        }
    }

    /// <summary>How many gradients a returned value visibly holds: a tuple literal's arity, 1 for a matrix or vector; else null.</summary>
    private static int? GradientCount(IOperation value, KnownSymbols types)
    {
        value = Unwrap(value);
        if (value is ITupleOperation tuple) return tuple.Elements.Length;
        return types.IsMatrixOrVector(value.Type) ? 1 : null;
    }

    /// <summary>The values of the return statements of a body, not those of the lambdas and local functions inside it.</summary>
    private static IEnumerable<IOperation> ReturnedValues(IOperation root)
    {
        var pending = new Stack<IOperation>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var operation = pending.Pop();
            if (operation is IReturnOperation { Kind: OperationKind.Return, ReturnedValue: { } value })
            {
                yield return value;
                continue;
            }

            foreach (var child in operation.ChildOperations)
                if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation)) pending.Push(child);
        }
    }

    /// <summary>Strips the conversions that keep the runtime value (boxing to object, reference, tuple); not user-defined ones.</summary>
    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation { OperatorMethod: null, Conversion.IsUserDefined: false } conversion)
            operation = conversion.Operand;
        return operation;
    }

    private static string Plural(int count, string noun) => count + " " + noun + (count == 1 ? "" : "s");
}
