using System.Collections.Immutable;
using GradCheck.Analyzers.Model;
using GradCheck.Dims;

namespace GradCheck.Analyzers.Facts;

/// <summary>
/// A callee's shapes as a call site uses them: declared with [Shape], or inferred from its body. Every size symbol
/// and unknown in it is bound afresh at each call, except the type-level symbols when the call is on the same object.
/// </summary>
internal sealed class MethodSignature
{
    public MethodSignature(
        ImmutableArray<Shape?> parameterShapes, ImmutableArray<DimExpression?> parameterSizes, Shape? result, bool inferred, ImmutableHashSet<string> typeLevel)
    {
        ParameterShapes = parameterShapes;
        ParameterSizes = parameterSizes;
        Result = result;
        Inferred = inferred;
        TypeLevel = typeLevel;
    }

    /// <summary>Per parameter ordinal: the shape its argument must have (null: no constraint).</summary>
    public ImmutableArray<Shape?> ParameterShapes { get; }

    /// <summary>Per parameter ordinal: the size symbol an int parameter stands for (null: not a size).</summary>
    public ImmutableArray<DimExpression?> ParameterSizes { get; }

    public Shape? Result { get; }

    /// <summary>True when inferred from the body (no [Shape] on the method).</summary>
    public bool Inferred { get; }

    /// <summary>Symbols that belong to the callee's object, shared with a caller on the same object.</summary>
    public ImmutableHashSet<string> TypeLevel { get; }
}
