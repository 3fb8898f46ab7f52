using System;
using GradCheck.Analyzers.Symbols;
using GradCheck.TestMethods;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GradCheck.Analyzers.Usage;

/// <summary>GC0007: a [GradCheck] method whose return type the runner cannot check (classified by the runner's own <see cref="TestMethodForms"/>).</summary>
internal static class UncheckableReturnTypeRule
{
    /// <summary>The runner's classification of a return type; null when the type (or its type argument) does not resolve.</summary>
    public static TestMethodForm? Classify(ITypeSymbol type)
    {
        if (type.TypeKind == TypeKind.Error) return null;
        string? argument = null;
        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named)
        {
            if (named.TypeArguments[0].TypeKind == TypeKind.Error) return null;
            argument = MetadataName(named.TypeArguments[0]);
        }

        return TestMethodForms.Classify(MetadataName(type), argument);
    }

    /// <summary>Reports the method's return type when the runner would refuse it.</summary>
    public static void Check(Action<Diagnostic> report, IMethodSymbol method)
    {
        if (Classify(method.ReturnType) != TestMethodForm.Unsupported) return;
        report(Diagnostic.Create(Descriptors.UncheckableReturnType, ReturnTypeLocation(method), method.Name,
            method.ReturnType.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat), TestMethodForms.Accepted));
    }

    /// <summary>The full metadata name, as reflection spells it: System.Threading.Tasks.Task`1, GradCheck.Differentiable.</summary>
    public static string MetadataName(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_Void) return "System.Void";
        var definition = type.OriginalDefinition;
        if (definition is IArrayTypeSymbol or IPointerTypeSymbol or ITypeParameterSymbol) return definition.ToDisplayString();
        var name = definition.MetadataName;
        for (var containing = definition.ContainingType; containing is not null; containing = containing.ContainingType)
            name = containing.MetadataName + "+" + name;
        var ns = definition.ContainingNamespace;
        return ns is null || ns.IsGlobalNamespace ? name : ns.ToDisplayString() + "." + name;
    }

    private static Location ReturnTypeLocation(IMethodSymbol method)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
            if (reference.GetSyntax() is MethodDeclarationSyntax declaration)
                return declaration.ReturnType.GetLocation();
        return method.Locations.IsEmpty ? Location.None : method.Locations[0];
    }
}
