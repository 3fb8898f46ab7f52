using GradCheck.Analyzers.Model;
using GradCheck.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace GradCheck.Analyzers.Inference;

internal sealed partial class MethodShapeInference
{
    /// <summary>The recognised types, for the API table.</summary>
    internal MathNetSymbols TypesForRules => Types;

    /// <summary><c>GradCheck.Shapes.Assert(value, "N", "D")</c>: states a local's shape where inference cannot.</summary>
    private bool IsShapesAssert(IInvocationOperation invocation) =>
        Types.ShapesHelper is { } helper
        && invocation.TargetMethod.Name == "Assert"
        && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, helper)
        && invocation.Arguments.Length >= 1;

    /// <summary>Reads the asserted shape; reports a malformed one (GC0005) in the reporting round.</summary>
    private Shape? ParseAssertion(IInvocationOperation invocation, bool report)
    {
        var value = invocation.Arguments[0].Value;
        var valueType = (value as IConversionOperation)?.Operand.Type ?? value.Type;
        var isMatrix = Types.IsMatrix(valueType);
        if (!isMatrix && !Types.IsVector(valueType)) return null;

        var dims = new System.Collections.Generic.List<string?>();
        for (var i = 1; i < invocation.Arguments.Length; i++)
        {
            var argument = invocation.Arguments[i].Value;
            if (argument is IArrayCreationOperation { Initializer: { } initializer })
                foreach (var element in initializer.ElementValues) dims.Add(element.ConstantValue.Value as string);
            else if (argument is IArrayCreationOperation) continue;
            else dims.Add(argument.ConstantValue.Value as string);
        }

        string? problem = null;
        var expected = isMatrix ? 2 : 1;
        var parsed = new Dim?[dims.Count];
        if (dims.Count != expected) problem = $"{(isMatrix ? "Matrix<T>" : "Vector<T>")} takes {expected} dim{(expected == 1 ? "" : "s")}, {dims.Count} given";
        for (var i = 0; problem is null && i < dims.Count; i++)
        {
            parsed[i] = Annotation.ParseDim(dims[i]);
            if (parsed[i] is null) problem = $"dim \"{dims[i] ?? "null"}\" is neither a symbol (an identifier) nor a non-negative integer constant";
        }
        if (problem is not null)
        {
            if (report) Sink?.Report(Diagnostic.Create(InvalidShapeAnnotationRule.Descriptor, invocation.Syntax.GetLocation(), value.Syntax.ToString(), problem));
            return null;
        }
        return isMatrix ? Shape.Matrix(parsed[0], parsed[1]) : Shape.Vector(parsed[0]);
    }

    private void RecordAssertion(IInvocationOperation invocation)
    {
        var value = invocation.Arguments[0].Value;
        while (value is IConversionOperation conversion) value = conversion.Operand;
        if (value is ILocalReferenceOperation local && ParseAssertion(invocation, report: false) is { } shape)
            assertedShapes[local.Local] = shape;
    }

    /// <summary>The call's value has the asserted shape; the argument's inferred shape must agree (GC0003).</summary>
    private Shape? AssertedShape(IInvocationOperation invocation)
    {
        var asserted = ParseAssertion(invocation, report: true);
        var value = invocation.Arguments[0].Value;
        while (value is IConversionOperation conversion) value = conversion.Operand;
        // An asserted local is read back as its assertion; check its assignments instead (see reporting).
        if (asserted is not null && value is not ILocalReferenceOperation)
            AnnotatedTargetShapeMismatchRule.Check(Sink, value, Evaluate(value), asserted, "is passed to Shapes.Assert");
        return asserted;
    }
}
