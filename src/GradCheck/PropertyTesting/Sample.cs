using System.Diagnostics.CodeAnalysis;

namespace GradCheck;

/// <summary>
/// Discards the sample a gradient property's method was given, from inside the method (FsCheck's <c>==&gt;</c> and
/// <c>Prop.discard</c>): for relations between values that no value-domain attribute expresses. The sample is not
/// checked, is counted by its reason, and is never taken while shrinking. Relations between sizes are better written as
/// <see cref="Parameters.RequireAttribute"/>, which costs no call.
/// </summary>
/// <example>
/// <code>
/// [GradCheck]
/// public Differentiable Cholesky([Shape("N", "N")] Matrix&lt;double&gt; a)
/// {
///     Sample.Require(a.Determinant() &gt; 0.1, "a nearly singular matrix");
///     return …;
/// }
/// </code>
/// </example>
public static class Sample
{
    /// <summary>Discards the sample unless <paramref name="condition"/> holds.</summary>
    /// <param name="condition">What the sample must satisfy to be checked.</param>
    /// <param name="reason">Why a sample failing it is discarded, as counted in the report ("a nearly singular matrix").</param>
    /// <exception cref="SampleDiscardedException">The condition does not hold; the runner catches it.</exception>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is null or blank.</exception>
    public static void Require(bool condition, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (!condition) throw new SampleDiscardedException(reason);
    }

    /// <summary>Discards the sample.</summary>
    /// <param name="reason">Why, as counted in the report.</param>
    /// <exception cref="SampleDiscardedException">Always; the runner catches it.</exception>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is null or blank.</exception>
    [DoesNotReturn]
    public static void Discard(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        throw new SampleDiscardedException(reason);
    }
}
