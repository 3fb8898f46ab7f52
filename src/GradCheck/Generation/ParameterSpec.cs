using System.Reflection;
using FsCheck;

namespace GradCheck;

/// <summary>How one parameter of the test method is generated.</summary>
internal sealed class ParameterSpec
{
    public required ParameterInfo Parameter { get; init; }

    public required ParameterKind Kind { get; init; }

    /// <summary>Rows then columns for a matrix, the length for a vector; empty otherwise.</summary>
    public IReadOnlyList<Dim> Dims { get; init; } = [];

    public ValueDomain Domain { get; init; } = ValueDomain.Default;

    /// <summary>Not differentiated: marked [Constant].</summary>
    public bool IsConstant { get; init; }

    /// <summary>FsCheck's Arbitrary for <see cref="ParameterKind.Other"/> parameters.</summary>
    public Arbitrary<object>? Arbitrary { get; init; }

    public string Name => Parameter.Name ?? $"arg{Parameter.Position}";

    public bool IsTensor => Kind is ParameterKind.Matrix or ParameterKind.Vector;

    public (int Rows, int Columns) Shape(IReadOnlyList<int> symbolSizes) => Kind == ParameterKind.Matrix
        ? (Dims[0].Resolve(symbolSizes), Dims[1].Resolve(symbolSizes))
        : (Dims[0].Resolve(symbolSizes), 1);
}
