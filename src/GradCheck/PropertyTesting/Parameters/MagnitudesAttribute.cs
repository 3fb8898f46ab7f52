namespace GradCheck.Parameters;

/// <summary>
/// Draws values of many magnitudes, where hand-written layers and gradient checkers both break (an opt-in domain): each
/// matrix, vector or double of a sample is drawn in one of three regimes, in equal shares — ordinary values in [−2, 2];
/// a large offset shared by all its elements (±<see cref="MaxOffset"/>/10 to ±<see cref="MaxOffset"/>) with a small
/// spread (<see cref="MinSpread"/> to 1) around it, as inputs of a normalisation around 1000 ± 0.01; or values scaled by
/// a factor from <see cref="MinScale"/> to <see cref="MaxScale"/>. Offsets, spreads and scales are drawn log-uniformly.
/// </summary>
public sealed class MagnitudesAttribute : ValueDomainAttribute
{
    /// <summary>The largest offset; offsets range from a tenth of it to it, of either sign. Default 1000.</summary>
    public double MaxOffset { get; set; } = 1e3;

    /// <summary>The smallest spread of values around an offset. Default 0.01.</summary>
    public double MinSpread { get; set; } = 1e-2;

    /// <summary>The smallest scale. Default 1e-4.</summary>
    public double MinScale { get; set; } = 1e-4;

    /// <summary>The largest scale. Default 1e4.</summary>
    public double MaxScale { get; set; } = 1e4;

    internal override ValueDomain Domain => ValueDomain.Magnitudes(MaxOffset, MinSpread, MinScale, MaxScale);
}
