using System.Collections.Generic;
using GradCheck.Analyzers.Model;
using GradCheck.Dims;
using Microsoft.CodeAnalysis;

namespace GradCheck.Analyzers.Facts;

/// <summary>What one constructor (with the initialisers) leaves in the members, in object-level size symbols.</summary>
internal sealed class ConstructorResult
{
    public ConstructorResult(Dictionary<ISymbol, Shape?> shapes, Dictionary<ISymbol, DimExpression?> sizes, HashSet<string> codeSymbols)
    {
        Shapes = shapes;
        Sizes = sizes;
        CodeSymbols = codeSymbols;
    }

    public IReadOnlyDictionary<ISymbol, Shape?> Shapes { get; }

    public IReadOnlyDictionary<ISymbol, DimExpression?> Sizes { get; }

    public IReadOnlyCollection<string> CodeSymbols { get; }
}
