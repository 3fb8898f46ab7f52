using System.Globalization;

namespace GradCheck;

/// <summary>
/// States the shape of a MathNet <c>Matrix&lt;T&gt;</c> (two dims: rows, columns) or <c>Vector&lt;T&gt;</c> (one dim).
/// Each dim is a size symbol such as <c>"N"</c> or <c>"Batch"</c>, a positive integer such as <c>3</c> or <c>"3"</c>, or an
/// expression of them with <c>+ - *</c> such as <c>"L-K+1"</c>.
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

    /// <summary>Declares the dims of the annotated matrix or vector, with fixed sizes written as integers: <c>[Shape("N", 3)]</c>.</summary>
    /// <param name="dims">The dims, outermost first: each a string (a symbol or an expression) or an integer.</param>
    /// <remarks>
    /// <c>[Shape("N", "D")]</c> still binds to the string constructor. A dim that is neither a string nor an integer is kept
    /// as written and reported where the shape is read (a <c>[GradCheck]</c> property then cannot run, naming the parameter).
    /// </remarks>
    public ShapeAttribute(params object[] dims)
    {
        var texts = new List<string>();
        foreach (var dim in dims ?? [])
        {
            switch (dim)
            {
                case string text:
                    texts.Add(text);
                    break;
                case int or long or short or sbyte or byte or ushort or uint or ulong:
                    texts.Add(Convert.ToString(dim, CultureInfo.InvariantCulture)!);
                    break;
                default:
                    Problem ??= dim is null
                        ? "a null dim in its [Shape]: write a size symbol such as \"N\" or an integer such as 3"
                        : $"the dim {Convert.ToString(dim, CultureInfo.InvariantCulture)} (a {dim.GetType().Name}) in its [Shape]: " +
                          "a dim is a string or an integer";
                    texts.Add(Convert.ToString(dim, CultureInfo.InvariantCulture) ?? "null");
                    break;
            }
        }

        Dims = texts;
    }

    /// <summary>The declared dims, as written (integers as their decimal text).</summary>
    public IReadOnlyList<string> Dims { get; }

    /// <summary>What is wrong with a dim given to the <c>object</c> constructor, as a phrase; null when every dim is a string or an integer.</summary>
    internal string? Problem { get; }
}
