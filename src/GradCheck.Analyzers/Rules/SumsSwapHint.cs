using System.Collections.Immutable;
using GradCheck.Analyzers.Inference;
using GradCheck.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace GradCheck.Analyzers.Rules;

/// <summary>
/// When a wrong-shaped value is m.RowSums() and m.ColumnSums() would have the expected shape (or the other way
/// round), the diagnostic carries that hint for the code fix: the bias gradient db = column sums of dZ, not row sums.
/// </summary>
internal static class SumsSwapHint
{
    public static ImmutableDictionary<string, string?>? For(MethodShapeInference inference, IOperation value, Shape expected)
    {
        if (MethodShapeInference.Unwrap(value) is not IInvocationOperation { Instance: { } instance } invocation) return null;
        var name = invocation.TargetMethod.Name;
        if (name is not ("RowSums" or "ColumnSums") || !inference.TypesForRules.IsMatrix(instance.Type)) return null;
        var matrix = inference.Evaluate(instance);
        if (matrix is null || !expected.IsVector) return null;
        var other = name == "RowSums" ? "ColumnSums" : "RowSums";
        var otherLength = other == "RowSums" ? matrix.Rows : matrix.Columns;
        return Dim.DefinitelyEqual(otherLength, expected.Length)
            ? ImmutableDictionary<string, string?>.Empty.Add(RuleIds.SumsFixProperty, other)
            : null;
    }
}
