using GradCheck.Analyzers.Model;
using GradCheck.Dims;

namespace GradCheck.Analyzers.Transfers;

/// <summary>What a MathNet member needs of its operands to run, as the shape transfer states it.</summary>
internal enum RequirementKind
{
    /// <summary>The inner dimensions of a product agree.</summary>
    ProductInner,

    /// <summary>The operands of an element-wise operation have one shape.</summary>
    SameShape,

    /// <summary>One axis of two operands agrees (rows for Append, columns for Stack, a vector's length for InsertRow).</summary>
    SameAxis,
}

/// <summary>
/// One requirement of a MathNet member on its operands: two dims that must be equal (the inference fixes unknowns with
/// it or records a mismatch), with what the rules need to say it.
/// </summary>
internal sealed class Requirement
{
    private Requirement(RequirementKind kind, Shape left, Shape right, string operationName)
    {
        Kind = kind;
        Left = left;
        Right = right;
        OperationName = operationName;
    }

    public RequirementKind Kind { get; }

    /// <summary>The left operand (the receiver of a method) as written.</summary>
    public Shape Left { get; }

    /// <summary>The right operand (the argument).</summary>
    public Shape Right { get; }

    /// <summary>The operation as the message names it ("Addition (+)", "Append", "TransposeThisAndMultiply").</summary>
    public string OperationName { get; }

    /// <summary>How a product reads its operands (fused transposes).</summary>
    public ProductForm Form { get; private set; }

    /// <summary>For <see cref="RequirementKind.SameAxis"/>: the two dims and the axis's name ("row counts").</summary>
    public DimExpression? LeftDim { get; private set; }

    public DimExpression? RightDim { get; private set; }

    public string AxisName { get; private set; } = "";

    public static Requirement Product(Shape left, Shape right, ProductForm form, string operationName) =>
        new(RequirementKind.ProductInner, left, right, operationName) { Form = form };

    public static Requirement SameShape(Shape left, Shape right, string operationName) => new(RequirementKind.SameShape, left, right, operationName);

    public static Requirement SameAxis(Shape left, Shape right, DimExpression? leftDim, DimExpression? rightDim, string operationName, string axisName) =>
        new(RequirementKind.SameAxis, left, right, operationName) { LeftDim = leftDim, RightDim = rightDim, AxisName = axisName };
}
