using System.Collections.Immutable;
using GradCheck.Analyzers.Model;
using GradCheck.Dims;

namespace GradCheck.Analyzers.Facts;

/// <summary>
/// The signature inferred for an unannotated helper: its parameters' shapes (matrix and vector parameters) and sizes (int
/// parameters) and its result's shape, in terms of unknowns and size symbols bound afresh at each call.
/// </summary>
internal sealed class HelperSummary
{
    public HelperSummary(ImmutableArray<Shape?> parameterShapes, ImmutableArray<DimExpression?> parameterSizes, Shape? result)
    {
        ParameterShapes = parameterShapes;
        ParameterSizes = parameterSizes;
        Result = result;
    }

    /// <summary>Per parameter ordinal: the shape a matrix or vector argument must have (null: anything).</summary>
    public ImmutableArray<Shape?> ParameterShapes { get; }

    /// <summary>Per parameter ordinal: the size symbol an int parameter stands for (null: not a size).</summary>
    public ImmutableArray<DimExpression?> ParameterSizes { get; }

    public Shape? Result { get; }

    /// <summary>Recursion and calls that cannot be summarised: the call's result is unknown.</summary>
    public static HelperSummary Unknown { get; } = new(ImmutableArray<Shape?>.Empty, ImmutableArray<DimExpression?>.Empty, null);
}
