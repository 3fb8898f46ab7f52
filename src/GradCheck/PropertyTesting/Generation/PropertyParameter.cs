using System.Reflection;
using FsCheck;
using GradCheck.Dims;

using GradCheck.Parameters;

namespace GradCheck;

/// <summary>How one parameter of the test method is generated.</summary>
internal sealed class PropertyParameter
{
    public required ParameterInfo Parameter { get; init; }

    public required PropertyParameterKind Kind { get; init; }

    /// <summary>The element type of a matrix or vector: float32 tensors get values rounded to float32 when drawn.</summary>
    public ElementPrecision Precision { get; init; } = ElementPrecision.Double;

    /// <summary>Rows then columns for a matrix, the length for a vector; empty otherwise.</summary>
    public IReadOnlyList<DimExpression> Dims { get; init; } = [];

    /// <summary>The plan's size symbols, which a sample's sizes follow (see <see cref="PropertyPlan.Symbols"/>).</summary>
    public IReadOnlyList<string> Symbols { get; init; } = [];

    public ValueDomain Domain { get; init; } = ValueDomain.Default;

    /// <summary>Not differentiated: marked [Constant].</summary>
    public bool IsConstant { get; init; }

    /// <summary>FsCheck's Arbitrary for <see cref="PropertyParameterKind.Other"/> parameters.</summary>
    public Arbitrary<object>? Arbitrary { get; init; }

    public string Name => Parameter.Name ?? $"arg{Parameter.Position}";

    public bool IsTensor => Kind is PropertyParameterKind.Matrix or PropertyParameterKind.Vector;

    /// <summary>The tensor's shape at a sample's symbol sizes; a derived dim below 1 counts as 0 (such samples are discarded).</summary>
    public TensorShape ShapeAt(int[] symbolSizes) => Kind == PropertyParameterKind.Matrix
        ? new TensorShape(SizeOf(Dims[0], symbolSizes), SizeOf(Dims[1], symbolSizes), IsMatrix: true)
        : new TensorShape(SizeOf(Dims[0], symbolSizes), 1, IsMatrix: false);

    /// <summary>The first dim of this parameter that is below 1 at these sizes, as "L-K+1"; null when every dim is a size.</summary>
    public string? DimBelowOne(int[] symbolSizes) => Dims.FirstOrDefault(dim => Evaluate(dim, symbolSizes) < 1)?.ToString();

    private int SizeOf(DimExpression dim, int[] symbolSizes) => (int)Math.Clamp(Evaluate(dim, symbolSizes), 0, int.MaxValue);

    private long Evaluate(DimExpression dim, int[] symbolSizes) => dim.Evaluate(symbol => symbolSizes[IndexOf(symbol)]) ?? 0;

    private int IndexOf(string symbol)
    {
        for (var i = 0; i < Symbols.Count; i++)
            if (Symbols[i] == symbol) return i;
        throw new InvalidOperationException($"Size symbol '{symbol}' is not in the plan.");
    }
}
