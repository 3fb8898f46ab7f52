using GradCheck.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace GradCheck.Analyzers.Facts.Findings;

/// <summary>A value stored, passed or returned where a declared (or inferred) shape says otherwise (GC0003).</summary>
internal sealed class TargetMismatch : Finding
{
    public TargetMismatch(SyntaxNode syntax, Shape value, string target, Shape declared, string? sumsFix, Provenance? provenance)
        : base(syntax, provenance)
    {
        Value = value;
        Target = target;
        Declared = declared;
        SumsFix = sumsFix;
    }

    public Shape Value { get; }

    /// <summary>"is assigned to field 'W'", "is returned from 'F'", "is passed to parameter 'w' of 'Mul'".</summary>
    public string Target { get; }

    public Shape Declared { get; }

    /// <summary>RowSums or ColumnSums when the other sum of the same matrix has the declared shape.</summary>
    public string? SumsFix { get; }
}
