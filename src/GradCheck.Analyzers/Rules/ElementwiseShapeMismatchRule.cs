using GradCheck.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace GradCheck.Analyzers.Rules;

/// <summary>GC0002: element-wise operations, Add/Subtract, DotProduct and concatenations between incompatible shapes.</summary>
internal static class ElementwiseShapeMismatchRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        RuleIds.ElementwiseShapeMismatch,
        title: "Operand shapes differ",
        messageFormat: "{0} of {1} and {2}: {3}",
        category: RuleIds.Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Element-wise operations (+, −, Pointwise*, Map2, DotProduct) need operands of one shape. In backprop a mismatch usually means a gradient taken against the wrong variable or a transposed upstream gradient (dH = dZ ∘ σ'(H) needs dZ shaped like H).",
        helpLinkUri: RuleIds.HelpLink(RuleIds.ElementwiseShapeMismatch));

    /// <summary>Checks that both operands have one shape; returns the shape of the result as far as known.</summary>
    public static Shape? Check(DiagnosticSink? sink, IOperation operation, Shape? left, Shape? right, string operationName)
    {
        if (left is null) return right;
        if (right is null || left.IsMatrix != right.IsMatrix) return left;
        if (Shape.DefinitelyDiffer(left, right))
        {
            var detail = left.IsVector ? $"lengths {left.Length} and {right.Length} differ" : "shapes differ";
            sink?.Report(Diagnostic.Create(Descriptor, operation.Syntax.GetLocation(), operationName, left, right, detail));
            return left;
        }
        // Not provably different: each dim is whichever side knows it.
        return left.IsMatrix
            ? Shape.Matrix(left.Rows ?? right.Rows, left.Columns ?? right.Columns)
            : Shape.Vector(left.Length ?? right.Length);
    }

    /// <summary>Checks one axis two operands must share (row counts for Append, column counts for Stack).</summary>
    public static void CheckAxis(DiagnosticSink? sink, IOperation operation, Shape left, Shape right, Dim? leftDim, Dim? rightDim, string operationName, string axisName)
    {
        if (sink is not null && Dim.DefinitelyDiffer(leftDim, rightDim))
            sink.Report(Diagnostic.Create(Descriptor, operation.Syntax.GetLocation(), operationName, left, right, $"{axisName} {leftDim} and {rightDim} differ"));
    }
}
