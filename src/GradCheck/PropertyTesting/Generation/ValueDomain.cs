using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

using GradCheck.Parameters;

namespace GradCheck;

/// <summary>
/// Where the values of one parameter live: an FsCheck generator of bounded values for a whole matrix or vector (never
/// NaN or ∞, unlike <c>ArbMap.Default</c>'s double) and the membership test that keeps shrink candidates inside the domain.
/// </summary>
internal sealed class ValueDomain
{
    // Values are drawn on a grid of 2·10⁶ steps: fine enough to look continuous, reproducible from FsCheck's seed.
    private const int Steps = 1_000_000;

    private static readonly Gen<double> Unit = Gen.Choose(0, 2 * Steps).Select(i => i / (2.0 * Steps));

    private readonly Func<int, Gen<double[]>> tensor;

    private ValueDomain(string description, Func<int, Gen<double[]>> tensor, Func<double, bool> contains)
    {
        Description = description;
        this.tensor = tensor;
        Contains = contains;
    }

    /// <summary>Inputs of ordinary layers: uniform in [−2, 2].</summary>
    public static ValueDomain Default { get; } = Between(-2, 2);

    public string Description { get; }

    public Func<double, bool> Contains { get; }

    /// <summary>The values of a matrix or vector of <paramref name="count"/> elements (or of a double, with count 1).</summary>
    public Gen<double[]> Tensor(int count) => tensor(count);

    public static ValueDomain Between(double minimum, double maximum)
    {
        if (!double.IsFinite(minimum) || !double.IsFinite(maximum) || maximum < minimum)
            throw new PropertyDefinitionException($"A value range needs finite bounds with minimum ≤ maximum (got [{minimum}, {maximum}]).");
        var generator = Unit.Select(u => minimum + (maximum - minimum) * u);
        return new ValueDomain($"[{minimum}, {maximum}]", count => Gen.ArrayOf(generator, count), v => v >= minimum && v <= maximum);
    }

    public static ValueDomain AwayFrom(double point, double margin, double spread)
    {
        if (!double.IsFinite(point) || !(margin > 0) || !(spread > 0) || double.IsInfinity(margin + spread))
            throw new PropertyDefinitionException($"[AwayFrom] needs a finite point, Margin > 0 and Spread > 0 (got {point}, {margin}, {spread}).");
        var generator = Gen.Choose(-Steps, Steps).Select(i =>
            point + Math.Sign(i == 0 ? 1 : i) * (margin + spread * Math.Abs(i) / Steps));
        return new ValueDomain($"at least {margin} away from {point}", count => Gen.ArrayOf(generator, count),
            v => double.IsFinite(v) && Math.Abs(v - point) >= margin && Math.Abs(v - point) <= margin + spread);
    }

    /// <summary>Per tensor one regime: ordinary values, a large offset with a small spread, or a scale (see <see cref="MagnitudesAttribute"/>).</summary>
    public static ValueDomain Magnitudes(double maxOffset, double minSpread, double minScale, double maxScale)
    {
        static bool Positive(double v) => v > 0 && double.IsFinite(v);
        if (!Positive(maxOffset)) throw new PropertyDefinitionException($"[Magnitudes] needs MaxOffset > 0 (it is {maxOffset}).");
        if (!Positive(minSpread) || minSpread > 1) throw new PropertyDefinitionException($"[Magnitudes] needs 0 < MinSpread ≤ 1 (it is {minSpread}).");
        if (!Positive(minScale) || !Positive(maxScale) || minScale > maxScale)
            throw new PropertyDefinitionException($"[Magnitudes] needs 0 < MinScale ≤ MaxScale (they are {minScale} and {maxScale}).");

        Gen<double> LogUniform(double low, double high) => Unit.Select(u => Math.Pow(10, Math.Log10(low) + (Math.Log10(high) - Math.Log10(low)) * u));
        Gen<double[]> Ordinary(int count) => Gen.ArrayOf(Unit.Select(u => 4 * u - 2), count);
        Gen<double[]> Offset(int count) =>
            from offset in LogUniform(maxOffset / 10, maxOffset)
            from sign in Gen.Elements(-1.0, 1.0)
            from spread in LogUniform(minSpread, 1)
            from us in Gen.ArrayOf(Unit, count)
            select us.Select(u => sign * offset + spread * (u - 0.5)).ToArray();
        Gen<double[]> Scaled(int count) =>
            from scale in LogUniform(minScale, maxScale)
            from us in Gen.ArrayOf(Unit, count)
            select us.Select(u => scale * (4 * u - 2)).ToArray();

        var bound = maxOffset + 1 + 2 * maxScale;
        return new ValueDomain(
            string.Create(CultureInfo.InvariantCulture,
                $"magnitudes (offsets up to {maxOffset:G3} with spreads down to {minSpread:G3}, scales {minScale:G3}..{maxScale:G3})"),
            count => Gen.OneOf(Ordinary(count), Offset(count), Scaled(count)),
            v => double.IsFinite(v) && Math.Abs(v) <= bound);
    }
}
