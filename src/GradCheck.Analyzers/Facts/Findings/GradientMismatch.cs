using GradCheck.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace GradCheck.Analyzers.Facts.Findings;

/// <summary>A gradient named after a variable whose shape it does not have (GC0004).</summary>
internal sealed class GradientMismatch : Finding
{
    public GradientMismatch(SyntaxNode syntax, string gradient, Shape value, string variable, Shape variableShape, string? sumsFix, Provenance? provenance)
        : base(syntax, provenance)
    {
        Gradient = gradient;
        Value = value;
        Variable = variable;
        VariableShape = variableShape;
        SumsFix = sumsFix;
    }

    public string Gradient { get; }

    public Shape Value { get; }

    public string Variable { get; }

    public Shape VariableShape { get; }

    public string? SumsFix { get; }
}
