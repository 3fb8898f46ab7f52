using System;
using System.Collections.Immutable;
using GradCheck.Analyzers.Inference;
using GradCheck.Analyzers.Model;
using GradCheck.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GradCheck.Analyzers;

/// <summary>
/// Infers the shapes of MathNet.Numerics matrices and vectors from [Shape] annotations, constructors and the MathNet
/// API, and reports shape bugs (GC0001–GC0005) at compile time.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ShapeAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        ProductShapeMismatchRule.Descriptor,
        ElementwiseShapeMismatchRule.Descriptor,
        AnnotatedTargetShapeMismatchRule.Descriptor,
        GradientShapeMismatchRule.Descriptor,
        InvalidShapeAnnotationRule.Descriptor);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        // Nothing to do (and nothing registered) in projects that do not use MathNet.
        if (MathNetSymbols.TryCreate(context.Compilation) is not { } types) return;
        var cache = new CompilationShapeCache(types);

        if (types.ShapeAttribute is not null)
            context.RegisterSymbolAction(c => AnalysisGuard.Run(() => CheckAnnotations(c, types)), SymbolKind.Method, SymbolKind.Field, SymbolKind.Property);

        // Operation actions rather than a walk of our own: the driver walks each block once for all analyzers.
        context.RegisterOperationBlockStartAction(start =>
        {
            var inference = new MethodShapeInference(cache, start.OwningSymbol);
            var failed = false;
            start.RegisterOperationAction(c =>
            {
                if (failed) return;
                try
                {
                    inference.Record(c.Operation);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    failed = AnalysisGuard.Swallow(exception);
                }
            }, MethodShapeInference.RecordedKinds);
            start.RegisterOperationBlockEndAction(c =>
            {
                if (!failed) AnalysisGuard.Run(() => inference.Finish(new DiagnosticSink(c.ReportDiagnostic)));
            });
        });
    }

    private static void CheckAnnotations(SymbolAnalysisContext context, MathNetSymbols types)
    {
        var symbol = context.Symbol;
        var fallback = symbol.Locations.IsEmpty ? Location.None : symbol.Locations[0];
        switch (symbol)
        {
            case IMethodSymbol method:
                // Accessors are checked through their property; parameters and the return value through their method.
                if (method.AssociatedSymbol is IPropertySymbol) return;
                InvalidShapeAnnotationRule.Check(context.ReportDiagnostic, Annotation.OfReturn(method, types), method.Name + " (return value)", fallback);
                foreach (var parameter in method.Parameters)
                    InvalidShapeAnnotationRule.Check(context.ReportDiagnostic, Annotation.Of(parameter, types), parameter.Name,
                        parameter.Locations.IsEmpty ? fallback : parameter.Locations[0]);
                break;
            case IFieldSymbol or IPropertySymbol:
                InvalidShapeAnnotationRule.Check(context.ReportDiagnostic, Annotation.Of(symbol, types), symbol.Name, fallback);
                break;
        }
    }
}
