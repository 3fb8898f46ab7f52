using MathNet.Numerics.Distributions;

namespace GradCheck.Tests.Regimes;

/// <summary>
/// A bug planted in the gradient a backward pass returns for one input, with the diagnoses a report may honestly give
/// it (<see cref="Acceptable"/>; no diagnosis at all is always acceptable) and its size relative to the gradient.
/// </summary>
public sealed record GradientPlant(string Name, Func<Random, double[], double[]> Corrupt, IReadOnlySet<DiagnosisKind> Acceptable, double RelativeSize)
{
    public bool IsBug => RelativeSize > 0;

    public static GradientPlant None { get; } = new("correct", (_, g) => g, new HashSet<DiagnosisKind>(), 0);

    public static GradientPlant Sign { get; } = new("sign", (_, g) => g.Select(v => -v).ToArray(), Kinds(DiagnosisKind.SignError), 2);

    public static GradientPlant FactorTwo { get; } = new("factor 2", (_, g) => g.Select(v => 2 * v).ToArray(), Kinds(DiagnosisKind.ConstantFactor), 1);

    public static GradientPlant Zero { get; } = new("zero", (_, g) => new double[g.Length], Kinds(DiagnosisKind.AllZero), 1);

    /// <summary>Every element (1 + ρ) times too large: a ratio no plausible cause explains, so it is described without one.</summary>
    public static GradientPlant Scaled(double rho) =>
        new($"scaled by 1+{rho:G2}", (_, g) => g.Select(v => v * (1 + rho)).ToArray(), Kinds(DiagnosisKind.UniformRatio), rho);

    /// <summary>Every element off by its own random relative error of size ρ: no pattern, no cause.</summary>
    public static GradientPlant Noise(double rho) =>
        new($"noise {rho:G2}", (r, g) => g.Select(v => v * (1 + rho * Normal.Sample(r, 0, 1))).ToArray(), Kinds(), rho);

    /// <summary>One element off by ρ·‖g‖∞ (a one-hot error).</summary>
    public static GradientPlant OneHot(double rho) => new($"one-hot {rho:G2}", (r, g) =>
    {
        var copy = (double[])g.Clone();
        copy[r.Next(g.Length)] += rho * Scale(g);
        return copy;
    }, Kinds(DiagnosisKind.ConfinedToRows, DiagnosisKind.ConfinedToColumns), rho);

    /// <summary>Two elements off by +a and −a: a ± pair, whose sum is unchanged.</summary>
    public static GradientPlant PlusMinusPair(double rho) => new($"± pair {rho:G2}", (r, g) =>
    {
        var copy = (double[])g.Clone();
        if (g.Length < 2) { copy[0] += rho * Scale(g); return copy; }
        var i = r.Next(g.Length);
        var j = (i + 1 + r.Next(g.Length - 1)) % g.Length;
        copy[i] += rho * Scale(g);
        copy[j] -= rho * Scale(g);
        return copy;
    }, Kinds(DiagnosisKind.ConfinedToRows, DiagnosisKind.ConfinedToColumns), rho);

    /// <summary>The plants measured in every regime.</summary>
    public static IReadOnlyList<GradientPlant> Bugs { get; } =
        [Sign, FactorTwo, Zero, Scaled(1e-2), Scaled(1e-3), Noise(1e-2), Noise(1e-3), OneHot(1e-2), PlusMinusPair(1e-2)];

    public override string ToString() => Name;

    private static HashSet<DiagnosisKind> Kinds(params DiagnosisKind[] kinds) => [.. kinds];

    private static double Scale(double[] g) => Math.Max(g.Max(Math.Abs), double.Epsilon);
}
