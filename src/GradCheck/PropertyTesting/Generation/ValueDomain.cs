using FsCheck;
using FsCheck.Fluent;

using GradCheck.Parameters;

namespace GradCheck;

/// <summary>
/// Where the values of one parameter live: an FsCheck generator of bounded doubles (never NaN or ∞, unlike
/// <c>ArbMap.Default</c>'s double) and the membership test that keeps FsCheck's shrink candidates inside the domain.
/// </summary>
internal sealed class ValueDomain
{
    // Values are drawn on a grid of 2·10⁶ steps: fine enough to look continuous, reproducible from FsCheck's seed.
    private const int Steps = 1_000_000;

    private ValueDomain(string description, Gen<double> generator, Func<double, bool> contains)
    {
        Description = description;
        Generator = generator;
        Contains = contains;
    }

    /// <summary>Inputs of ordinary layers: uniform in [−2, 2].</summary>
    public static ValueDomain Default { get; } = Between(-2, 2);

    public string Description { get; }

    public Gen<double> Generator { get; }

    public Func<double, bool> Contains { get; }

    public static ValueDomain Between(double minimum, double maximum)
    {
        if (!double.IsFinite(minimum) || !double.IsFinite(maximum) || maximum < minimum)
            throw new PropertyDefinitionException($"A value range needs finite bounds with minimum ≤ maximum (got [{minimum}, {maximum}]).");
        var generator = Gen.Choose(0, 2 * Steps).Select(i => minimum + (maximum - minimum) * i / (2.0 * Steps));
        return new ValueDomain($"[{minimum}, {maximum}]", generator, v => v >= minimum && v <= maximum);
    }

    public static ValueDomain AwayFrom(double point, double margin, double spread)
    {
        if (!double.IsFinite(point) || !(margin > 0) || !(spread > 0) || double.IsInfinity(margin + spread))
            throw new PropertyDefinitionException($"[AwayFrom] needs a finite point, Margin > 0 and Spread > 0 (got {point}, {margin}, {spread}).");
        var generator = Gen.Choose(-Steps, Steps).Select(i =>
            point + Math.Sign(i == 0 ? 1 : i) * (margin + spread * Math.Abs(i) / Steps));
        return new ValueDomain($"at least {margin} away from {point}", generator,
            v => double.IsFinite(v) && Math.Abs(v - point) >= margin && Math.Abs(v - point) <= margin + spread);
    }
}
