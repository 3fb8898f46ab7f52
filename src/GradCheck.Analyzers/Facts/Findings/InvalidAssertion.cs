using Microsoft.CodeAnalysis;

namespace GradCheck.Analyzers.Facts.Findings;

/// <summary>A Shapes.Assert whose dims do not parse or do not fit the value (GC0005).</summary>
internal sealed class InvalidAssertion : Finding
{
    public InvalidAssertion(SyntaxNode syntax, string valueText, string problem)
        : base(syntax, null)
    {
        ValueText = valueText;
        Problem = problem;
    }

    public string ValueText { get; }

    public string Problem { get; }
}
