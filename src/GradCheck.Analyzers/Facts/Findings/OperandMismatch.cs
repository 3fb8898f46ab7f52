using GradCheck.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace GradCheck.Analyzers.Facts.Findings;

/// <summary>An element-wise operation, dot product or concatenation between operands that do not fit (GC0002).</summary>
internal sealed class OperandMismatch : Finding
{
    public OperandMismatch(SyntaxNode syntax, string operationName, Shape left, Shape right, string detail, Provenance? provenance)
        : base(syntax, provenance)
    {
        OperationName = operationName;
        Left = left;
        Right = right;
        Detail = detail;
    }

    public string OperationName { get; }

    public Shape Left { get; }

    public Shape Right { get; }

    /// <summary>"shapes differ", "lengths N and D differ", "row counts N and M differ".</summary>
    public string Detail { get; }
}
