using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace GradCheck.Analyzers;

/// <summary>
/// Every rule of both analyzers, once: ID, title, message, category, severity, description and help link. The release
/// notes (AnalyzerReleases.Unshipped.md), the docs pages (docs/rules/GCxxxx.md) and the README's rules table are
/// checked against this table by a test.
/// </summary>
internal static class Descriptors
{
    /// <summary>Category of the rules that find shape bugs (for .editorconfig bulk configuration).</summary>
    public const string ShapesCategory = "Shapes";

    /// <summary>Category of the rules that check the use of <c>[GradCheck]</c>.</summary>
    public const string UsageCategory = "Usage";

    /// <summary>Category of the analyzer's reports about itself.</summary>
    public const string AnalyzerCategory = "Analyzer";

    /// <summary>GC0001: a matrix or matrix–vector product whose inner dimensions differ.</summary>
    public static readonly DiagnosticDescriptor ProductShapeMismatch = new DiagnosticDescriptor(
        id: "GC0001",
        title: "Product inner dimensions differ",
        messageFormat: "{0} {1}·{2}: inner dimensions {3} and {4} differ{5}",
        category: ShapesCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "In A·B the column count of A must equal the row count of B. In backprop this is the usual symptom of a missing or "
        + "extra transpose (dW = xᵀ·dY, dX = dY·Wᵀ).",
        helpLinkUri: HelpLinkBase + "GC0001.md");

    /// <summary>GC0002: element-wise operations, Add/Subtract, DotProduct and concatenations between incompatible shapes.</summary>
    public static readonly DiagnosticDescriptor ElementwiseShapeMismatch = new DiagnosticDescriptor(
        id: "GC0002",
        title: "Operand shapes differ",
        messageFormat: "{0} of {1} and {2}: {3}",
        category: ShapesCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Element-wise operations (+, −, Pointwise*, Map2, DotProduct) need operands of one shape, and Append/Stack need "
        + "matching row or column counts. In backprop a mismatch usually means a gradient taken against the wrong variable or "
        + "a transposed upstream gradient (dH = dZ ∘ σ'(H) needs dZ shaped like H).",
        helpLinkUri: HelpLinkBase + "GC0002.md");

    /// <summary>GC0003: a value assigned, passed or returned where a [Shape] annotation states another shape.</summary>
    public static readonly DiagnosticDescriptor AnnotatedTargetShapeMismatch = new DiagnosticDescriptor(
        id: "GC0003",
        title: "Value does not have the declared shape",
        messageFormat: "Value of shape {0} {1}, which is declared {2}{3}",
        category: ShapesCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A field, property, parameter, out parameter or return value annotated with [Shape] (or a value stated with "
        + "Shapes.Assert, or a helper's parameter whose shape is inferred from its body) received a value of another shape. "
        + "Annotations are the contract the rest of the network relies on: a layer whose output is transposed breaks every "
        + "layer after it.",
        helpLinkUri: HelpLinkBase + "GC0003.md");

    /// <summary>GC0004: dimension balancing — a gradient named after X must have X's shape.</summary>
    public static readonly DiagnosticDescriptor GradientShapeMismatch = new DiagnosticDescriptor(
        id: "GC0004",
        title: "Gradient does not have the shape of its variable",
        messageFormat: "Gradient '{0}' has shape {1}, but '{2}' has shape {3}{4}",
        category: ShapesCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The gradient of a scalar loss with respect to X has exactly the shape of X (dimension balancing). A gradient named "
        + "dX, dx, gradX, xGrad or dLdX whose shape differs from X's (a parameter, field, property or local) is wrong, "
        + "whatever its values.",
        helpLinkUri: HelpLinkBase + "GC0004.md");

    /// <summary>GC0005: a [Shape] annotation (or Shapes.Assert) with the wrong number of dims or a malformed dim.</summary>
    public static readonly DiagnosticDescriptor InvalidShapeAnnotation = new DiagnosticDescriptor(
        id: "GC0005",
        title: "Invalid shape annotation",
        messageFormat: "Invalid shape annotation on '{0}': {1}",
        category: ShapesCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Matrix<T> takes exactly two dims (rows, columns) and Vector<T> one; each dim is a size symbol such as N, a number "
        + "of at least 1, or an expression of them with +, - and * such as L-K+1. An invalid annotation silently disables "
        + "shape checking of everything it touches, so it is an error.",
        helpLinkUri: HelpLinkBase + "GC0005.md");

    /// <summary>GC0006: a matrix or vector parameter of a [GradCheck] method without a [Shape].</summary>
    public static readonly DiagnosticDescriptor UnshapedTensorParameter = new DiagnosticDescriptor(
        id: "GC0006",
        title: "[GradCheck] matrix or vector parameter without [Shape]",
        messageFormat: "Parameter '{0}' of [GradCheck] method '{1}' is a {2} without [Shape]: {3}, unrelated to the other parameters' sizes",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The runner draws one size per [Shape] symbol and shares it between the parameters that name it. A matrix or vector "
        + "(of double or float) without [Shape] still runs, but every one of its dims is drawn on its own, so a product or "
        + "sum with another parameter usually fails on mismatched sizes instead of checking the gradient.",
        helpLinkUri: HelpLinkBase + "GC0006.md");

    /// <summary>GC0007: a [GradCheck] method whose return type the runner cannot check.</summary>
    public static readonly DiagnosticDescriptor UncheckableReturnType = new DiagnosticDescriptor(
        id: "GC0007",
        title: "[GradCheck] method returns a type the runner cannot check",
        messageFormat: "[GradCheck] method '{0}' returns {1}; {2}",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The [GradCheck] runner checks the Differentiable a method returns (directly or from a Task or ValueTask), or runs a "
        + "void, Task or ValueTask method that calls the engine itself. Any other return type fails the test before a single "
        + "sample is drawn.",
        helpLinkUri: HelpLinkBase + "GC0007.md");

    /// <summary>GC0008: a backward pass that visibly returns another number of gradients than there are differentiated inputs.</summary>
    public static readonly DiagnosticDescriptor GradientCountMismatch = new DiagnosticDescriptor(
        id: "GC0008",
        title: "Backward pass returns the wrong number of gradients",
        messageFormat: "The backward pass returns {0}, but [GradCheck] method '{1}' has {2} ({3}): return one gradient per Matrix, Vector "
        + "or Scalar parameter not marked [Constant], in order",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "When a [GradCheck] method returns Differentiable.Of(forward, backward) without WithInput/WithConstant, the runner "
        + "makes its matrix and vector parameters the inputs, and every one not marked [Constant] is differentiated. The "
        + "backward pass must return exactly one gradient for each of them, in parameter order; otherwise every sample fails "
        + "with a gradient-count fault instead of checking the gradients.",
        helpLinkUri: HelpLinkBase + "GC0008.md");

    /// <summary>GC0009: the analyzer hit an internal error and skipped part of the code (reported once per compilation).</summary>
    public static readonly DiagnosticDescriptor AnalyzerFailure = new DiagnosticDescriptor(
        id: "GC0009",
        title: "The GradCheck analyzer skipped code after an internal error",
        messageFormat: "The GradCheck analyzer skipped {0} after an internal error ({1}): shape bugs there are not reported; please report "
        + "this with the code that causes it",
        category: AnalyzerCategory,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "The analyzer never fails a build: an internal error only loses the diagnostics of the method (or annotation) being "
        + "analyzed. So that such a loss is not invisible, the first one is reported once per compilation with the exception's "
        + "type.",
        helpLinkUri: HelpLinkBase + "GC0009.md",
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>Every descriptor, in ID order.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(
        ProductShapeMismatch, ElementwiseShapeMismatch, AnnotatedTargetShapeMismatch, GradientShapeMismatch, InvalidShapeAnnotation,
        UnshapedTensorParameter, UncheckableReturnType, GradientCountMismatch, AnalyzerFailure);

    /// <summary>The descriptors of one category.</summary>
    public static ImmutableArray<DiagnosticDescriptor> InCategory(params string[] categories) =>
        All.Where(d => categories.Contains(d.Category)).ToImmutableArray();

    /// <summary>Where the rules' documentation pages live (docs/rules/GCxxxx.md).</summary>
    public const string HelpLinkBase = "https://github.com/GradCheck/GradCheck/blob/main/docs/rules/";

    /// <summary>The IDs, in order (for tests and docs).</summary>
    public static IEnumerable<string> Ids => All.Select(d => d.Id);
}
