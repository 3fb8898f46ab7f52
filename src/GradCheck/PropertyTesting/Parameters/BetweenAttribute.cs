namespace GradCheck.Parameters;

/// <summary>Draws values in the closed range [<see cref="Minimum"/>, <see cref="Maximum"/>].</summary>
/// <param name="minimum">The smallest value drawn.</param>
/// <param name="maximum">The largest value drawn.</param>
public sealed class BetweenAttribute(double minimum, double maximum) : ValueDomainAttribute
{
    /// <summary>The smallest value drawn.</summary>
    public double Minimum { get; } = minimum;

    /// <summary>The largest value drawn.</summary>
    public double Maximum { get; } = maximum;

    internal override ValueDomain Domain => ValueDomain.Between(Minimum, Maximum);
}
