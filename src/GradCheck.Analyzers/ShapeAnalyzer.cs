using System;
using System.Collections.Immutable;
using GradCheck.Analyzers.Facts;
using GradCheck.Analyzers.Rules;
using GradCheck.Analyzers.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace GradCheck.Analyzers;

/// <summary>
/// Infers the shapes of MathNet.Numerics matrices and vectors — from [Shape] annotations, and from code: sizes in
/// constructors and builders, fields allocated by constructors, unannotated values fixed by their uses, inferred helper
/// signatures — and reports shape bugs (GC0001–GC0005) at compile time. The inference pass produces facts; the rules
/// turn them into diagnostics.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ShapeAnalyzer : DiagnosticAnalyzer
{
    private readonly Action<IOperation>? faultInjection;

    /// <summary>Creates the analyzer.</summary>
    public ShapeAnalyzer()
    {
    }

    /// <summary>For tests: an action run on each analysed body, to make the analysis fail on purpose.</summary>
    internal ShapeAnalyzer(Action<IOperation> faultInjection) => this.faultInjection = faultInjection;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        Descriptors.InCategory(Descriptors.ShapesCategory).Add(Descriptors.AnalyzerFailure);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var types = KnownSymbols.From(context.Compilation);
        // Nothing to do (and nothing registered) in projects that do not use MathNet.
        if (!types.HasMathNet) return;
        var guard = new AnalysisGuard(recordLast: faultInjection is null);
        context.RegisterCompilationEndAction(guard.ReportFirst);
        var shapes = new ShapeContext(context.Compilation, types);

        if (types.ShapeAttribute is not null)
        {
            context.RegisterSymbolAction(
                c => guard.Run("a [Shape] annotation", () => InvalidShapeAnnotationRule.CheckSymbol(c.Symbol, shapes, c.ReportDiagnostic)),
                SymbolKind.Method, SymbolKind.Field, SymbolKind.Property);
        }

        context.RegisterOperationBlockAction(c => guard.Run(() => Subject(c.OwningSymbol), () => AnalyzeBlock(c, shapes)));
    }

    private static string Subject(ISymbol symbol) => "'" + symbol.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) + "'";

    private void AnalyzeBlock(OperationBlockAnalysisContext context, ShapeContext shapes)
    {
        if (!MayInvolveMathNet(context.OwningSymbol, context.OperationBlocks, shapes.Types)) return;
        if (faultInjection is not null)
            foreach (var block in context.OperationBlocks) faultInjection(block);
        foreach (var finding in MethodInference.FindingsOf(shapes, context.OwningSymbol, context.OperationBlocks))
            context.ReportDiagnostic(FindingReporter.ToDiagnostic(finding));
    }

    /// <summary>A cheap look before the inference: a body that neither names a matrix or vector type nor has one in sight.</summary>
    private static bool MayInvolveMathNet(ISymbol owner, ImmutableArray<IOperation> blocks, KnownSymbols types)
    {
        foreach (var block in blocks)
            foreach (var operation in block.DescendantsAndSelf())
                if (types.IsMatrixOrVector(operation.Type) || operation is IReturnOperation { ReturnedValue.Type: INamedTypeSymbol { IsTupleType: true } })
                    return true;
        return owner is IMethodSymbol method && types.IsMatrixOrVector(method.ReturnType);
    }
}
