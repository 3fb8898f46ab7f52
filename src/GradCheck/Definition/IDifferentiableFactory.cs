using System.Numerics;

namespace GradCheck;

/// <summary>
/// Builds one layer, written once for any element type, in the element type asked for: what
/// <see cref="GradientCheck.RunInBothPrecisions"/> needs to check the same code in float32 and in double.
/// </summary>
/// <example>
/// <code>
/// sealed class AffineFactory : IDifferentiableFactory
/// {
///     public Differentiable Create&lt;T&gt;() where T : struct, IEquatable&lt;T&gt;, IFormattable, IFloatingPointIeee754&lt;T&gt;
///     {
///         var (x, w) = (Matrix&lt;T&gt;.Build.Random(4, 3), Matrix&lt;T&gt;.Build.Random(3, 2));
///         return Differentiable.Of&lt;T&gt;(() => x * w, dy => (dy * w.Transpose(), x.Transpose() * dy)).WithInput(x).WithInput(w);
///     }
/// }
/// </code>
/// </example>
public interface IDifferentiableFactory
{
    /// <summary>
    /// A new <see cref="Differentiable"/> computing in <typeparamref name="T"/> (float or double), over fresh inputs at
    /// each call, so that a full check can give each core its own copy.
    /// </summary>
    /// <typeparam name="T">The element type the layer computes in.</typeparam>
    Differentiable Create<T>() where T : struct, IEquatable<T>, IFormattable, IFloatingPointIeee754<T>;
}
