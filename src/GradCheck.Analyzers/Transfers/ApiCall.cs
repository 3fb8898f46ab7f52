using System.Collections.Immutable;
using GradCheck.Analyzers.Model;
using GradCheck.Dims;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace GradCheck.Analyzers.Transfers;

/// <summary>The shapes and sizes of one call of a MathNet member, as a shape transfer reads them.</summary>
internal interface IOperandShapes
{
    /// <summary>The shape of a matrix- or vector-valued operand (null: unknown or not one).</summary>
    Shape? ShapeOf(IOperation? operand);

    /// <summary>The size an int operand denotes (null: not a size the analysis can express).</summary>
    DimExpression? SizeOf(IOperation? operand);

    /// <summary>True for a matrix or vector type.</summary>
    bool IsMatrixOrVector(ITypeSymbol? type);

    bool IsVector(ITypeSymbol? type);
}

/// <summary>One call of a MathNet member: the method, its receiver's shape and its arguments.</summary>
internal readonly struct ApiCall
{
    private readonly ImmutableArray<IArgumentOperation> arguments;

    public ApiCall(IOperandShapes operands, IMethodSymbol method, Shape? receiver, ImmutableArray<IArgumentOperation> arguments)
    {
        Operands = operands;
        Method = method;
        Receiver = receiver;
        this.arguments = arguments.IsDefault ? ImmutableArray<IArgumentOperation>.Empty : arguments;
    }

    public IOperandShapes Operands { get; }

    public IMethodSymbol Method { get; }

    /// <summary>The shape of the matrix or vector the method is called on (null for static members and builders).</summary>
    public Shape? Receiver { get; }

    public string Name => Method.Name;

    /// <summary>The argument bound to the parameter at <paramref name="ordinal"/> (named arguments included).</summary>
    public IOperation? Argument(int ordinal)
    {
        foreach (var argument in arguments)
            if (argument.Parameter?.Ordinal == ordinal && argument.ArgumentKind != ArgumentKind.DefaultValue) return argument.Value;
        return null;
    }

    /// <summary>The ordinal of the parameter named <paramref name="name"/>, or -1.</summary>
    public int Ordinal(string name)
    {
        foreach (var parameter in Method.Parameters)
            if (parameter.Name == name) return parameter.Ordinal;
        return -1;
    }

    public ITypeSymbol? ParameterType(int ordinal) => ordinal >= 0 && ordinal < Method.Parameters.Length ? Method.Parameters[ordinal].Type : null;

    /// <summary>True when the first parameter is a matrix or vector (Add(Matrix) rather than Add(scalar)).</summary>
    public bool FirstArgumentIsMatrixOrVector => Operands.IsMatrixOrVector(ParameterType(0));

    public Shape? ArgumentShape(int ordinal) => Operands.ShapeOf(Argument(ordinal));

    public DimExpression? ArgumentSize(int ordinal) => ordinal < 0 ? null : Operands.SizeOf(Argument(ordinal));

    /// <summary>The size passed to the int parameter called <paramref name="name"/> (rows, columns, order, length...).</summary>
    public DimExpression? SizeNamed(string name) => ArgumentSize(Ordinal(name));

    /// <summary>How many values a <c>params</c> array argument visibly holds (DenseOfColumnVectors(a, b, c)); null when not visible.</summary>
    public int? ParamsCount(int ordinal)
    {
        if (Argument(ordinal) is IArrayCreationOperation { Initializer: { } initializer }) return initializer.ElementValues.Length;
        return null;
    }

    /// <summary>The shapes of the values of a visible <c>params</c> array argument.</summary>
    public ImmutableArray<Shape?> ParamsShapes(int ordinal)
    {
        if (Argument(ordinal) is not IArrayCreationOperation { Initializer: { } initializer }) return ImmutableArray<Shape?>.Empty;
        var builder = ImmutableArray.CreateBuilder<Shape?>();
        foreach (var element in initializer.ElementValues) builder.Add(Operands.ShapeOf(element));
        return builder.ToImmutable();
    }
}
