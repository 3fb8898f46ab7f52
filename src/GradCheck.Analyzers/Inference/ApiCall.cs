using System.Collections.Immutable;
using GradCheck.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace GradCheck.Analyzers.Inference;

/// <summary>One call of a MathNet member, as the API table's rules see it.</summary>
internal readonly struct ApiCall
{
    private readonly ImmutableArray<IArgumentOperation> arguments;

    public ApiCall(MethodShapeInference inference, IOperation operation, IMethodSymbol method, Shape? receiver, ImmutableArray<IArgumentOperation> arguments)
    {
        Inference = inference;
        Operation = operation;
        Method = method;
        Receiver = receiver;
        this.arguments = arguments;
    }

    public MethodShapeInference Inference { get; }
    public IOperation Operation { get; }
    public IMethodSymbol Method { get; }

    /// <summary>The shape of the matrix or vector the method is called on.</summary>
    public Shape? Receiver { get; }

    public DiagnosticSink? Sink => Inference.Sink;

    /// <summary>The argument bound to the parameter at <paramref name="ordinal"/> (named arguments included).</summary>
    public IOperation? Argument(int ordinal)
    {
        foreach (var argument in arguments)
            if (argument.Parameter?.Ordinal == ordinal) return argument.Value;
        return null;
    }

    public ITypeSymbol? ParameterType(int ordinal) => ordinal < Method.Parameters.Length ? Method.Parameters[ordinal].Type : null;

    public bool ParameterIsInt(int ordinal) => ParameterType(ordinal)?.SpecialType == SpecialType.System_Int32;

    public Shape? ArgumentShape(int ordinal) => Inference.Evaluate(Argument(ordinal));

    public Dim? ArgumentDim(int ordinal) => Inference.EvaluateDim(Argument(ordinal));
}
