namespace GradCheck;

/// <summary>
/// A differentiable scalar input (a temperature, a slope, a single bias): a mutable box the forward and backward passes
/// read through <see cref="Value"/>, so the checker can perturb it in place like a matrix element. A plain captured
/// <c>double</c> cannot be perturbed: closures copy it into their own storage.
/// </summary>
/// <example>
/// <code>
/// var slope = new Scalar(0.01);
/// var layer = Differentiable.Of(() => x.Map(v => v > 0 ? v : slope.Value * v),
///         dout => (dout.PointwiseMultiply(x.Map(v => v > 0 ? 1 : slope.Value)),
///                  dout.PointwiseMultiply(x.Map(v => v > 0 ? 0 : v)).Enumerate().Sum()))   // ∂L/∂slope, a double
///     .WithInput(x).WithInput(slope);
/// </code>
/// </example>
public sealed class Scalar(double value)
{
    /// <summary>The current value; the checker perturbs it during a check and restores it bit for bit.</summary>
    public double Value { get; set; } = value;

    /// <summary>The value, for reading.</summary>
    public static implicit operator double(Scalar scalar) => scalar?.Value ?? throw new ArgumentNullException(nameof(scalar));

    /// <summary>The value, in the invariant culture.</summary>
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
