using System;
using System.Collections.Immutable;
using GradCheck.Analyzers.Facts;
using GradCheck.Analyzers.Rules;
using GradCheck.Analyzers.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

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
                c => guard.Run((c, shapes), static s => CheckAnnotations(s.c, s.shapes), static _ => "a [Shape] annotation"),
                SymbolKind.Method, SymbolKind.Field, SymbolKind.Property);
        }

        // Code block actions rather than operation actions: a body is bound (its operations built) only if a cheap look at
        // its symbols and tokens says it may involve a matrix or vector.
        var relevance = new MathNetRelevance(context.Compilation, types);
        context.RegisterCodeBlockAction(c => guard.Run(
            (analyzer: this, c, shapes, relevance),
            static s => s.analyzer.AnalyzeBlock(s.c, s.shapes, s.relevance),
            static s => Subject(s.c.OwningSymbol)));
    }

    private static void CheckAnnotations(SymbolAnalysisContext context, ShapeContext shapes)
    {
        if (InvalidShapeAnnotationRule.CheckSymbol(context.Symbol, shapes) is not { } diagnostics) return;
        foreach (var diagnostic in diagnostics) context.ReportDiagnostic(diagnostic);
    }

    private static string Subject(ISymbol symbol) => "'" + symbol.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) + "'";

    private static SyntaxNode? FieldInitializer(FieldDeclarationSyntax field, string name)
    {
        foreach (var variable in field.Declaration.Variables)
            if (variable.Identifier.ValueText == name) return variable.Initializer;
        return null;
    }

    private void AnalyzeBlock(CodeBlockAnalysisContext context, ShapeContext shapes, MathNetRelevance relevance)
    {
        if (!relevance.MayInvolveMathNet(context.CodeBlock, context.OwningSymbol)) return;
        // A field's or property's initializer is analysed through its = clause (the operation that initializes it).
        var code = context.CodeBlock switch
        {
            FieldDeclarationSyntax field => FieldInitializer(field, context.OwningSymbol.Name),
            VariableDeclaratorSyntax { Initializer: { } initializer } => initializer,
            PropertyDeclarationSyntax { Initializer: { } initializer } => initializer,
            _ => context.CodeBlock,
        };
        if (code is null) return;
        if (context.SemanticModel.GetOperation(code, context.CancellationToken) is not { } block) return;
        faultInjection?.Invoke(block);
        var mayCapture = MathNetRelevance.MayCaptureOrPassByReference(code);
        foreach (var finding in MethodInference.FindingsOf(shapes, context.OwningSymbol, ImmutableArray.Create(block), mayCapture))
            context.ReportDiagnostic(FindingReporter.ToDiagnostic(finding));
    }
}
