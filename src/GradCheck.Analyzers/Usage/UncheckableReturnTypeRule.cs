using System;
using GradCheck.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GradCheck.Analyzers.Usage;

/// <summary>What the runner does with a [GradCheck] method, by its return type (as GradCheck's TestMethodShapes decides).</summary>
internal enum ReturnKind
{
    /// <summary>Differentiable, Task&lt;Differentiable&gt; or ValueTask&lt;Differentiable&gt;: the runner checks the result.</summary>
    Differentiable,

    /// <summary>void, Task or ValueTask: the method checks itself.</summary>
    ChecksItself,

    /// <summary>Anything else: the runner rejects the method.</summary>
    Rejected,

    /// <summary>The return type does not resolve.</summary>
    Unknown,
}

/// <summary>GC0007: a [GradCheck] method whose return type the runner cannot check.</summary>
internal static class UncheckableReturnTypeRule
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        UsageRuleIds.UncheckableReturnType,
        title: "[GradCheck] method returns a type the runner cannot check",
        messageFormat: "[GradCheck] method '{0}' returns {1}; return Differentiable (or Task<Differentiable>, ValueTask<Differentiable>) for the runner to check, or void, Task or ValueTask to check it yourself",
        category: UsageRuleIds.Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The [GradCheck] runner checks the Differentiable a method returns (directly or from a Task or ValueTask), or runs a void, Task or ValueTask method that calls the engine itself. Any other return type fails the test before a single sample is drawn.",
        helpLinkUri: RuleIds.HelpLink(UsageRuleIds.UncheckableReturnType));

    /// <summary>Classifies a return type exactly as the runner does.</summary>
    public static ReturnKind Classify(ITypeSymbol type, GradCheckUsageSymbols types)
    {
        if (type.TypeKind == TypeKind.Error) return ReturnKind.Unknown;
        if (type.SpecialType == SpecialType.System_Void) return ReturnKind.ChecksItself;
        if (IsDifferentiable(type, types)) return ReturnKind.Differentiable;
        if (Is(type, types.Task) || Is(type, types.ValueTask)) return ReturnKind.ChecksItself;
        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
            && (Is(named.OriginalDefinition, types.TaskOfT) || Is(named.OriginalDefinition, types.ValueTaskOfT)))
        {
            var argument = named.TypeArguments[0];
            if (argument.TypeKind == TypeKind.Error) return ReturnKind.Unknown;
            return IsDifferentiable(argument, types) ? ReturnKind.Differentiable : ReturnKind.Rejected;
        }

        return ReturnKind.Rejected;
    }

    /// <summary>Reports the method's return type when the runner would reject it.</summary>
    public static void Check(Action<Diagnostic> report, IMethodSymbol method, GradCheckUsageSymbols types)
    {
        if (Classify(method.ReturnType, types) != ReturnKind.Rejected) return;
        report(Diagnostic.Create(Descriptor, ReturnTypeLocation(method), method.Name,
            method.ReturnType.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)));
    }

    private static Location ReturnTypeLocation(IMethodSymbol method)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
            if (reference.GetSyntax() is MethodDeclarationSyntax declaration)
                return declaration.ReturnType.GetLocation();
        return method.Locations.IsEmpty ? Location.None : method.Locations[0];
    }

    private static bool IsDifferentiable(ITypeSymbol type, GradCheckUsageSymbols types) => Is(type, types.Differentiable);

    private static bool Is(ITypeSymbol type, INamedTypeSymbol? expected) =>
        expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);
}
