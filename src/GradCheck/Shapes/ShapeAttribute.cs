namespace GradCheck;

/// <summary>
/// States the shape of a MathNet <c>Matrix&lt;T&gt;</c> (two dims: rows, columns) or <c>Vector&lt;T&gt;</c> (one dim).
/// Each dim is a size symbol such as <c>"N"</c> or <c>"Batch"</c>, or a non-negative integer literal such as <c>"3"</c>.
/// </summary>
/// <remarks>
/// The GradCheck analyzer reads this attribute to infer shapes at compile time, and <c>[GradCheck]</c> tests read it to
/// draw inputs: one symbol names one size shared by every parameter that uses it, and distinct symbols are independent
/// sizes. Symbols on a type's fields and properties are shared by all its members; symbols that appear only in a
/// method's signature are bound afresh at each call.
/// </remarks>
[AttributeUsage(
    AttributeTargets.Parameter | AttributeTargets.Field | AttributeTargets.Property | AttributeTargets.ReturnValue,
    AllowMultiple = false, Inherited = true)]
public sealed class ShapeAttribute : Attribute
{
    /// <summary>Declares the dims of the annotated matrix or vector.</summary>
    /// <param name="dims">The dims, outermost first: rows then columns for a matrix, the length for a vector.</param>
    public ShapeAttribute(params string[] dims) => Dims = dims ?? [];

    /// <summary>The declared dims, as written.</summary>
    public IReadOnlyList<string> Dims { get; }
}
