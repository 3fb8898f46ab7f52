using System;
using System.Collections.Immutable;
using GradCheck.Analyzers.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace GradCheck.Analyzers.Usage;

/// <summary>
/// Reports misuse of <c>[GradCheck]</c> that is visible at compile time (GC0006–GC0008): matrix and vector parameters
/// without <c>[Shape]</c>, return types the runner cannot check, and backward passes that visibly return another number
/// of gradients than there are differentiated inputs. The attribute is matched by its metadata name
/// <c>GradCheck.GradCheckAttribute</c> (xUnit v3 and v2 alike); nothing is registered where it is not referenced.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GradCheckUsageAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        Descriptors.InCategory(Descriptors.UsageCategory).Add(Descriptors.AnalyzerFailure);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var types = KnownSymbols.From(context.Compilation);
        if (!types.HasGradCheckAttribute) return;
        var guard = new AnalysisGuard();
        context.RegisterCompilationEndAction(guard.ReportFirst);
        context.RegisterSymbolAction(
            c => guard.Run((c, types), static s => CheckSignature(s.c, s.types), static _ => "a [GradCheck] method's signature"), SymbolKind.Method);
        context.RegisterOperationBlockAction(
            c => guard.Run((c, types), static s => CheckBody(s.c, s.types), static _ => "a [GradCheck] method's body"));
    }

    private static void CheckSignature(SymbolAnalysisContext context, KnownSymbols types)
    {
        if (context.Symbol is not IMethodSymbol method || !types.IsGradCheckMethod(method)) return;
        UnshapedTensorParameterRule.Check(context.ReportDiagnostic, method, types);
        UncheckableReturnTypeRule.Check(context.ReportDiagnostic, method);
    }

    private static void CheckBody(OperationBlockAnalysisContext context, KnownSymbols types)
    {
        if (context.OwningSymbol is not IMethodSymbol method || !types.IsGradCheckMethod(method)) return;
        GradientCountMismatchRule.Check(context.ReportDiagnostic, method, context.OperationBlocks, types);
    }
}
