namespace GradCheck.Parameters;

/// <summary>
/// Draws values at least <see cref="Margin"/> away from a kink <see cref="Point"/> (0 for ReLU, |x|), within
/// <see cref="Spread"/> beyond the margin on either side: finite differences straddling a kink measure no derivative.
/// </summary>
/// <param name="point">The kink.</param>
public sealed class AwayFromAttribute(double point) : ValueDomainAttribute
{
    /// <summary>The kink.</summary>
    public double Point { get; } = point;

    /// <summary>The smallest distance from <see cref="Point"/>; default 0.1.</summary>
    public double Margin { get; set; } = 0.1;

    /// <summary>How far beyond the margin values reach on each side; default 2.</summary>
    public double Spread { get; set; } = 2;

    internal override ValueDomain Domain => ValueDomain.AwayFrom(Point, Margin, Spread);
}
