namespace GradCheck.Parameters;

/// <summary>
/// Draws strictly positive values (for log or sqrt arguments): between <see cref="Minimum"/> (default 0.1, away from the
/// blow-up at 0) and <see cref="Maximum"/> (default 3).
/// </summary>
public sealed class PositiveAttribute : ValueDomainAttribute
{
    /// <summary>The smallest value drawn; must be &gt; 0.</summary>
    public double Minimum { get; set; } = 0.1;

    /// <summary>The largest value drawn.</summary>
    public double Maximum { get; set; } = 3;

    internal override ValueDomain Domain => Minimum > 0
        ? ValueDomain.Between(Minimum, Maximum)
        : throw new PropertyDefinitionException($"[Positive] needs Minimum > 0 (it is {Minimum}).");
}
