using System.Runtime.CompilerServices;
using MathNet.Numerics.Distributions;

namespace GradCheck.Tests.Regimes;

/// <summary>One correct layer in one numerically hard regime; <see cref="Build"/> plants a bug in one input's gradient.</summary>
public sealed record RegimeCase(string Regime, string Layer, string PlantedInput, Func<Random, GradientPlant, Differentiable> Build)
{
    public override string ToString() => $"{Regime}: {Layer}";
}

/// <summary>
/// Layers of our own in the regimes where finite differences break when the step ignores the function's scale:
/// inputs sharing a large offset with a small spread, small and large scales, small and large norms, tiny and huge
/// losses, high curvature, 1×1 inputs and many inputs. Every layer is smooth where it is evaluated.
/// </summary>
public static class RegimeLayers
{
    public static IReadOnlyList<RegimeCase> All { get; } =
    [
        new("offset 1e3 ± 1", "layer norm", "x", (r, p) => LayerNorm(r, p, offset: 1e3, spread: 1)),
        new("offset 1e3 ± 1e-2", "layer norm", "x", (r, p) => LayerNorm(r, p, offset: 1e3, spread: 1e-2)),
        new("offset 1e5 ± 1e-2", "layer norm", "x", (r, p) => LayerNorm(r, p, offset: 1e5, spread: 1e-2)),
        new("offset 1e5 ± 1", "standardisation", "x", (r, p) => Standardize(r, p, offset: 1e5, spread: 1)),
        new("offset 1e4 ± 1e-2", "batch norm", "x", (r, p) => BatchNorm(r, p, offset: 1e4, spread: 1e-2)),
        new("offset 1e4 ± 1", "softmax", "z", (r, p) => SoftmaxLayer(r, p, offset: 1e4, spread: 1)),
        new("scale 1e-4", "log", "x", (r, p) => Log(r, p, scale: 1e-4)),
        new("scale 1e-8", "tanh(x / s)", "x", (r, p) => ScaledTanh(r, p, scale: 1e-8)),
        new("scale 1e8", "tanh(x / s)", "x", (r, p) => ScaledTanh(r, p, scale: 1e8)),
        new("scale 1e-8 × 1e8", "affine", "x", (r, p) => ScaledAffine(r, p, inputScale: 1e-8, weightScale: 1e8)),
        new("scale 1e8 × 1e-8", "affine", "w", (r, p) => ScaledAffine(r, p, inputScale: 1e8, weightScale: 1e-8, plantWeight: true)),
        new("norm 1e-4", "cosine similarity", "a", (r, p) => CosineSimilarity(r, p, norm: 1e-4)),
        new("norm 1e4", "cosine similarity", "a", (r, p) => CosineSimilarity(r, p, norm: 1e4)),
        new("norm 1e-4", "normalise", "x", (r, p) => NormalizeLayer(r, p, norm: 1e-4)),
        new("loss 1e-12", "mean squared error", "z", (r, p) => ScaledMse(r, p, lossScale: 1e-12)),
        new("loss 1e12", "mean squared error", "z", (r, p) => ScaledMse(r, p, lossScale: 1e12)),
        new("curvature ω = 1e4", "sin(ωx)", "x", (r, p) => Oscillation(r, p, omega: 1e4)),
        new("curvature", "exp(8x)", "x", (r, p) => Exponential(r, p, rate: 8)),
        new("1×1", "affine", "w", (r, p) => Affine(r, p, 1, 1, 1)),
        new("many inputs", "six-input sum of products", "c", ManyInputs),
        new("friendly", "two-layer network", "W1", Network),
    ];

    private static Matrix<double> Around(Random r, int rows, int columns, double offset, double spread) =>
        Matrix<double>.Build.Dense(rows, columns, (_, _) => offset + spread * Normal.Sample(r, 0, 1));

    private static Vector<double> Around(Random r, int length, double offset, double spread) =>
        Vector<double>.Build.Dense(length, _ => offset + spread * Normal.Sample(r, 0, 1));

    private static int Size(Random r, int max = 5) => r.Next(1, max + 1);

    private static Differentiable LayerNorm(Random r, GradientPlant p, double offset, double spread)
    {
        int n = Size(r), d = Size(r) + 1;
        var (x, gamma, beta) = (Around(r, n, d, offset, spread), Around(r, d, 1, 0.5), Around(r, d, 0, 1));
        return Plant.Of(() => Normalization.LayerNormForward(x, gamma, beta), dy => Normalization.LayerNormBackward(dy, x, gamma), p, r)
            .WithInput(x).WithInput(gamma).WithInput(beta);
    }

    private static Differentiable BatchNorm(Random r, GradientPlant p, double offset, double spread)
    {
        int n = Size(r) + 1, d = Size(r);
        var (x, gamma, beta) = (Around(r, n, d, offset, spread), Around(r, d, 1, 0.5), Around(r, d, 0, 1));
        return Plant.Of(() => Normalization.BatchNormForward(x, gamma, beta), dy => Normalization.BatchNormBackward(dy, x, gamma), p, r)
            .WithInput(x).WithInput(gamma).WithInput(beta);
    }

    /// <summary>y = (x − mean) / std over a vector, weighted into a scalar.</summary>
    private static Differentiable Standardize(Random r, GradientPlant p, double offset, double spread)
    {
        var x = Around(r, Size(r) + 2, offset, spread);
        var w = Around(r, x.Count, 0, 1);
        return Plant.Of(() =>
            {
                var centred = x - x.Average();
                return w.DotProduct(centred / Math.Sqrt(centred.DotProduct(centred) / x.Count));
            },
            dy =>
            {
                var n = x.Count;
                var centred = x - x.Average();
                var sigma = Math.Sqrt(centred.DotProduct(centred) / n);
                var xhat = centred / sigma;
                var dxhat = w * dy;
                return (dxhat - dxhat.Average() - xhat * (dxhat.DotProduct(xhat) / n)) / sigma;
            }, p, r).WithInput(x);
    }

    private static Differentiable SoftmaxLayer(Random r, GradientPlant p, double offset, double spread)
    {
        var z = Around(r, Size(r), Size(r) + 1, offset, spread);
        return Plant.Of(() => Softmax.Forward(z), dy => Softmax.Backward(dy, z), p, r).WithInput(z);
    }

    private static Differentiable Log(Random r, GradientPlant p, double scale)
    {
        var x = Vector<double>.Build.Dense(Size(r, 6), _ => scale * (0.5 + r.NextDouble()));
        var w = Around(r, x.Count, 0, 1);
        return Plant.Of(() => w.DotProduct(x.PointwiseLog()), dy => w.PointwiseDivide(x) * dy, p, r).WithInput(x);
    }

    private static Differentiable ScaledTanh(Random r, GradientPlant p, double scale)
    {
        var x = Around(r, Size(r), Size(r), 0, scale);
        return Plant.Of(() => x.Map(v => Math.Tanh(v / scale)), dy => dy.PointwiseMultiply(x.Map(v => (1 - Math.Pow(Math.Tanh(v / scale), 2)) / scale)), p, r)
            .WithInput(x);
    }

    private static Differentiable ScaledAffine(Random r, GradientPlant p, double inputScale, double weightScale, bool plantWeight = false)
    {
        int n = Size(r), d = Size(r), m = Size(r);
        var (x, w) = (Around(r, n, d, 0, inputScale), Around(r, d, m, 0, weightScale));
        return Plant.Of(() => x * w, dy => (dy.TransposeAndMultiply(w), x.TransposeThisAndMultiply(dy)), p, r, plantWeight ? 1 : 0)
            .WithInput(x).WithInput(w);
    }

    private static Differentiable Affine(Random r, GradientPlant p, int n, int d, int m)
    {
        var (x, w, b) = (Around(r, n, d, 0, 1), Around(r, d, m, 0, 1), Around(r, m, 0, 1));
        return Plant.Of(() => Samples.Affine.Forward(x, w, b), dy => Samples.Affine.Backward(dy, x, w), p, r, plantedInput: 1)
            .WithInput(x).WithInput(w).WithInput(b);
    }

    /// <summary>cos(a, b) = ⟨a, b⟩ / (‖a‖‖b‖) for vectors of the given norm.</summary>
    private static Differentiable CosineSimilarity(Random r, GradientPlant p, double norm)
    {
        var length = Size(r) + 1;
        var a = Around(r, length, 0, 1);
        var b = Around(r, length, 0, 1);
        a *= norm / a.L2Norm();
        b *= norm / b.L2Norm();
        return Plant.Of(() => a.DotProduct(b) / (a.L2Norm() * b.L2Norm()), dy =>
            {
                var (na, nb) = (a.L2Norm(), b.L2Norm());
                var cos = a.DotProduct(b) / (na * nb);
                return ((b / (na * nb) - a * (cos / (na * na))) * dy, (a / (na * nb) - b * (cos / (nb * nb))) * dy);
            }, p, r).WithInput(a).WithInput(b);
    }

    private static Differentiable NormalizeLayer(Random r, GradientPlant p, double norm)
    {
        var x = Around(r, Size(r) + 1, 0, 1);
        x *= norm / x.L2Norm();
        return Plant.Of(() => x / x.L2Norm(), dy =>
        {
            var n = x.L2Norm();
            var y = x / n;
            return (dy - y * y.DotProduct(dy)) / n;
        }, p, r).WithInput(x);
    }

    private static Differentiable ScaledMse(Random r, GradientPlant p, double lossScale)
    {
        int n = Size(r), c = Size(r);
        var (z, y) = (Around(r, n, c, 0, 1), Around(r, n, c, 0, 1));
        return Plant.Of(() => lossScale * MeanSquaredError.Forward(z, y), dy => MeanSquaredError.Backward(lossScale * dy, z, y), p, r)
            .WithInput(z).WithConstant(y);
    }

    private static Differentiable Oscillation(Random r, GradientPlant p, double omega)
    {
        var x = Vector<double>.Build.Dense(Size(r, 6), _ => 2 * r.NextDouble() - 1);
        var w = Around(r, x.Count, 0, 1);
        return Plant.Of(() => w.DotProduct(x.Map(v => Math.Sin(omega * v))), dy => w.PointwiseMultiply(x.Map(v => omega * Math.Cos(omega * v))) * dy, p, r)
            .WithInput(x);
    }

    private static Differentiable Exponential(Random r, GradientPlant p, double rate)
    {
        var x = Around(r, Size(r), Size(r), 0, 1);
        return Plant.Of(() => x.Map(v => Math.Exp(rate * v)), dy => dy.PointwiseMultiply(x.Map(v => rate * Math.Exp(rate * v))), p, r).WithInput(x);
    }

    /// <summary>L = Σ a∘b + ⟨c, d⟩·e + f² over six inputs of different kinds.</summary>
    private static Differentiable ManyInputs(Random r, GradientPlant p)
    {
        int n = Size(r), m = Size(r);
        var (a, b) = (Around(r, n, m, 0, 1), Around(r, n, m, 0, 1));
        var (c, d) = (Around(r, m, 0, 1), Around(r, m, 0, 1));
        var e = new Scalar(Normal.Sample(r, 0, 1));
        var f = new Scalar(Normal.Sample(r, 0, 1));
        return Plant.Of(() => a.PointwiseMultiply(b).Enumerate().Sum() + c.DotProduct(d) * e.Value + f.Value * f.Value,
                dy => (b * dy, a * dy, d * (e.Value * dy), c * (e.Value * dy), c.DotProduct(d) * dy, 2 * f.Value * dy), p, r, plantedInput: 2)
            .WithInput(a).WithInput(b).WithInput(c).WithInput(d).WithInput(e).WithInput(f);
    }

    private static Differentiable Network(Random r, GradientPlant p)
    {
        int n = Size(r), d = Size(r), h = Size(r), c = Size(r);
        var network = TwoLayerNetwork.Random(d, h, c, r);
        var (x, y) = (Around(r, n, d, 0, 1), Around(r, n, c, 0, 1));
        return Plant.Of(() => network.Loss(x, y), _ => network.Backward(x, y), p, r)
            .WithInput(network.W1, "W1").WithInput(network.B1, "b1").WithInput(network.W2, "W2").WithInput(network.B2, "b2");
    }
}

/// <summary>Builds a Differentiable whose backward pass has a <see cref="GradientPlant"/> applied to one gradient.</summary>
internal static class Plant
{
    // The plant's random pattern is seeded once per Differentiable, so every backward call returns the same wrong gradient.
    public static Differentiable Of(Func<Matrix<double>> forward, Func<Matrix<double>, object> backward, GradientPlant plant, Random random,
        int plantedInput = 0)
    {
        var seed = random.Next();
        return Differentiable.Of(forward, dy => Apply(backward(dy), plant, seed, plantedInput));
    }

    public static Differentiable Of(Func<Vector<double>> forward, Func<Vector<double>, object> backward, GradientPlant plant, Random random,
        int plantedInput = 0)
    {
        var seed = random.Next();
        return Differentiable.Of(forward, dy => Apply(backward(dy), plant, seed, plantedInput));
    }

    public static Differentiable Of(Func<double> forward, Func<double, object> backward, GradientPlant plant, Random random, int plantedInput = 0)
    {
        var seed = random.Next();
        return Differentiable.Of(forward, dy => Apply(backward(dy), plant, seed, plantedInput));
    }

    private static object[] Apply(object returned, GradientPlant plant, int seed, int index)
    {
        var gradients = returned is ITuple tuple ? Enumerable.Range(0, tuple.Length).Select(i => tuple[i]!).ToArray() : [returned];
        gradients[index] = gradients[index] switch
        {
            Matrix<double> m => Matrix<double>.Build.Dense(m.RowCount, m.ColumnCount, plant.Corrupt(new Random(seed), m.ToColumnMajorArray())),
            Vector<double> v => Vector<double>.Build.Dense(plant.Corrupt(new Random(seed), v.ToArray())),
            double d => plant.Corrupt(new Random(seed), [d])[0],
            var other => other,
        };
        return gradients;
    }
}
