using Microsoft.CodeAnalysis;

namespace GradCheck.Analyzers.Facts.Findings;

/// <summary>A fact of an analysis that a rule turns into a diagnostic: where, and (for unknowns fixed by uses) why.</summary>
internal abstract class Finding
{
    protected Finding(SyntaxNode syntax, Provenance? provenance)
    {
        Syntax = syntax;
        Provenance = provenance;
    }

    /// <summary>The code the diagnostic underlines.</summary>
    public SyntaxNode Syntax { get; }

    /// <summary>The earlier use that fixed the size that does not fit here; null when every size was declared.</summary>
    public Provenance? Provenance { get; }
}
