using System.Runtime.CompilerServices;
using MathNet.Numerics.Distributions;

namespace GradCheck.Tests.Precision;

/// <summary>A bug planted in the gradient of one input: the gradient g becomes <see cref="Corrupt"/>(g) element by element.</summary>
public sealed record PrecisionPlant(string Name, double RelativeSize, Func<Random, double, double, double> Corrupt)
{
    public static PrecisionPlant None { get; } = new("correct", 0, (_, g, _) => g);

    public static PrecisionPlant Sign { get; } = new("sign", 2, (_, g, _) => -g);

    /// <summary>Every element (1 + ρ) times too large.</summary>
    public static PrecisionPlant Scaled(double rho) => new($"scaled by 1+{rho:G2}", rho, (_, g, _) => g * (1 + rho));

    /// <summary>Every element off by its own random relative error of size ρ.</summary>
    public static PrecisionPlant Noise(double rho) => new($"noise {rho:G2}", rho, (r, g, _) => g * (1 + rho * Normal.Sample(r, 0, 1)));

    /// <summary>Every element off by ρ times the gradient's largest element, in a random sign: an error that ignores g's pattern.</summary>
    public static PrecisionPlant Offset(double rho) => new($"offset {rho:G2}", rho, (r, g, largest) => g + (r.Next(2) * 2 - 1) * rho * largest);

    public bool IsBug => RelativeSize > 0;

    /// <summary>Whether the error is a fixed multiple of the gradient (sign, scale): its size along any direction is known.</summary>
    public bool IsDeterministicPattern => Name == Sign.Name || Name.StartsWith("scaled", StringComparison.Ordinal);

    public override string ToString() => Name;
}

/// <summary>
/// Layers written once for float32 and double, as deep-learning code is: affine, softmax cross-entropy, layer norm,
/// single-head attention, GELU and a valid 1-D convolution. Inputs are standard normal; sizes 1 to 5 (attention needs 2 columns,
/// layer norm 3). Each plants its bug in the gradient of the input named by <see cref="PrecisionLayer.PlantedInput"/>.
/// </summary>
public abstract class PrecisionLayer
{
    public abstract string Name { get; }

    public abstract string PlantedInput { get; }

    public abstract Differentiable Create<T>(Random random, PrecisionPlant plant)
        where T : struct, IEquatable<T>, IFormattable, System.Numerics.IFloatingPointIeee754<T>;

    public override string ToString() => Name;

    public static IReadOnlyList<PrecisionLayer> All { get; } =
        [new AffineLayer(), new SoftmaxCrossEntropyLayer(), new LayerNormLayer(), new AttentionLayer(), new GeluLayer(), new ConvolutionLayer()];

    protected static int Size(Random r, int min = 1) => r.Next(min, 6);

    protected static Matrix<T> Draw<T>(Random r, int rows, int columns)
        where T : struct, IEquatable<T>, IFormattable, System.Numerics.IFloatingPointIeee754<T> =>
        Matrix<T>.Build.Dense(rows, columns, (_, _) => T.CreateChecked(Normal.Sample(r, 0, 1)));

    protected static Vector<T> Draw<T>(Random r, int length) where T : struct, IEquatable<T>, IFormattable, System.Numerics.IFloatingPointIeee754<T> =>
        Vector<T>.Build.Dense(length, _ => T.CreateChecked(Normal.Sample(r, 0, 1)));

    /// <summary>The backward's gradients with the plant applied to the one at <paramref name="index"/>, seeded once per layer.</summary>
    protected static Func<object, object[]> Planting<T>(PrecisionPlant plant, int index, Random random)
        where T : struct, IEquatable<T>, IFormattable, System.Numerics.IFloatingPointIeee754<T>
    {
        var seed = random.Next();
        return returned =>
        {
            var gradients = returned is ITuple tuple ? Enumerable.Range(0, tuple.Length).Select(i => tuple[i]!).ToArray() : [returned];
            var r = new Random(seed);
            gradients[index] = gradients[index] switch
            {
                Matrix<T> m => m.Map(g => Corrupt(plant, r, g, Largest(m.Enumerate()))),
                Vector<T> v => v.Map(g => Corrupt(plant, r, g, Largest(v.Enumerate()))),
                var other => other,
            };
            return gradients;
        };
    }

    private static T Corrupt<T>(PrecisionPlant plant, Random r, T g, double largest) where T : struct, System.Numerics.IFloatingPointIeee754<T> =>
        T.CreateChecked(plant.Corrupt(r, double.CreateChecked(g), largest));

    private static double Largest<T>(IEnumerable<T> values) where T : struct, System.Numerics.IFloatingPointIeee754<T> =>
        values.Max(v => Math.Abs(double.CreateChecked(v)));
}

internal static class Generic<T> where T : struct, IEquatable<T>, IFormattable, System.Numerics.IFloatingPointIeee754<T>
{
    public static T Of(double value) => T.CreateChecked(value);

    /// <summary>Softmax of each row, shifted by the row's maximum.</summary>
    public static Matrix<T> SoftmaxRows(Matrix<T> z)
    {
        var result = Matrix<T>.Build.Dense(z.RowCount, z.ColumnCount);
        for (var r = 0; r < z.RowCount; r++)
        {
            var row = z.Row(r);
            var exp = (row - row.Maximum()).PointwiseExp();
            result.SetRow(r, exp / exp.Sum());
        }

        return result;
    }

    public static Matrix<T> AddToRows(Matrix<T> m, Vector<T> v)
    {
        var result = m.Clone();
        for (var r = 0; r < m.RowCount; r++) result.SetRow(r, m.Row(r) + v);
        return result;
    }
}

public sealed class AffineLayer : PrecisionLayer
{
    public override string Name => "affine";

    public override string PlantedInput => "w";

    public override Differentiable Create<T>(Random random, PrecisionPlant plant)
    {
        int n = Size(random), d = Size(random), m = Size(random);
        var (x, w, b) = (Draw<T>(random, n, d), Draw<T>(random, d, m), Draw<T>(random, m));
        var planted = Planting<T>(plant, 1, random);
        return Differentiable.Of(() => Generic<T>.AddToRows(x * w, b),
                dy => planted((dy * w.Transpose(), x.TransposeThisAndMultiply(dy), dy.ColumnSums())))
            .WithInput(x).WithInput(w).WithInput(b);
    }
}

public sealed class SoftmaxCrossEntropyLayer : PrecisionLayer
{
    public override string Name => "softmax cross-entropy";

    public override string PlantedInput => "z";

    public override Differentiable Create<T>(Random random, PrecisionPlant plant)
    {
        int n = Size(random), c = Size(random, 2);
        var z = Draw<T>(random, n, c);
        var labels = Matrix<T>.Build.Dense(n, c);
        for (var r = 0; r < n; r++) labels[r, random.Next(c)] = T.One;
        var planted = Planting<T>(plant, 0, random);
        return Differentiable.Of<T>(() =>
                {
                    var p = Generic<T>.SoftmaxRows(z);
                    return -labels.PointwiseMultiply(p.PointwiseLog()).Enumerate().Aggregate(T.Zero, (a, v) => a + v) / Generic<T>.Of(n);
                },
                dloss => planted((Generic<T>.SoftmaxRows(z) - labels) * (dloss / Generic<T>.Of(n))))
            .WithInput(z).WithConstant(labels);
    }
}

public sealed class LayerNormLayer : PrecisionLayer
{
    public override string Name => "layer norm";

    public override string PlantedInput => "x";

    public override Differentiable Create<T>(Random random, PrecisionPlant plant)
    {
        // Over two columns a layer norm is ±1 whatever x is (its x gradient only ε's): nothing to check in float32.
        int n = Size(random), d = Size(random, 3);
        var (x, gamma, beta) = (Draw<T>(random, n, d), Draw<T>(random, d), Draw<T>(random, d));
        var epsilon = Generic<T>.Of(1e-5);
        var planted = Planting<T>(plant, 0, random);
        (Matrix<T> XHat, Vector<T> InverseStd) Normalise()
        {
            var xHat = Matrix<T>.Build.Dense(n, d);
            var inverseStd = Vector<T>.Build.Dense(n);
            for (var r = 0; r < n; r++)
            {
                var centred = x.Row(r) - x.Row(r).Sum() / Generic<T>.Of(d);
                inverseStd[r] = T.One / T.Sqrt(centred.DotProduct(centred) / Generic<T>.Of(d) + epsilon);
                xHat.SetRow(r, centred * inverseStd[r]);
            }

            return (xHat, inverseStd);
        }

        return Differentiable.Of(() =>
                {
                    var (xHat, _) = Normalise();
                    return Generic<T>.AddToRows(xHat.MapIndexed((_, c, v) => v * gamma[c]), beta);
                },
                dy =>
                {
                    var (xHat, inverseStd) = Normalise();
                    var dxHat = dy.MapIndexed((_, c, v) => v * gamma[c]);
                    var dx = Matrix<T>.Build.Dense(n, d);
                    for (var r = 0; r < n; r++)
                    {
                        var g = dxHat.Row(r);
                        var h = xHat.Row(r);
                        var mean = g.Sum() / Generic<T>.Of(d);
                        var projection = g.DotProduct(h) / Generic<T>.Of(d);
                        dx.SetRow(r, (g - mean - h * projection) * inverseStd[r]);
                    }

                    return planted((dx, dy.PointwiseMultiply(xHat).ColumnSums(), dy.ColumnSums()));
                })
            .WithInput(x).WithInput(gamma).WithInput(beta);
    }
}

/// <summary>Single-head self-attention: softmax(x·Wq·(x·Wk)ᵀ/√d)·x·Wv.</summary>
public sealed class AttentionLayer : PrecisionLayer
{
    public override string Name => "attention";

    public override string PlantedInput => "wq";

    public override Differentiable Create<T>(Random random, PrecisionPlant plant)
    {
        int n = Size(random, 2), d = Size(random, 2);
        // Weights as they are initialised (standard deviation 1/√d): standard normal ones saturate the softmax.
        var scale = Generic<T>.Of(1 / Math.Sqrt(d));
        var (x, wq, wk, wv) = (Draw<T>(random, n, d), Draw<T>(random, d, d) * scale, Draw<T>(random, d, d) * scale, Draw<T>(random, d, d) * scale);
        var planted = Planting<T>(plant, 1, random);
        return Differentiable.Of(() => Attention<T>.Forward(x, wq, wk, wv).Output, dy => planted(Attention<T>.Backward(dy, x, wq, wk, wv)))
            .WithInput(x).WithInput(wq).WithInput(wk).WithInput(wv);
    }
}

internal static class Attention<T> where T : struct, IEquatable<T>, IFormattable, System.Numerics.IFloatingPointIeee754<T>
{
    public static (Matrix<T> Output, Matrix<T> Weights) Forward(Matrix<T> x, Matrix<T> wq, Matrix<T> wk, Matrix<T> wv)
    {
        var (q, k, v) = (x * wq, x * wk, x * wv);
        var weights = Generic<T>.SoftmaxRows(q * k.Transpose() * Scale(wq));
        return (weights * v, weights);
    }

    public static (Matrix<T> dx, Matrix<T> dWq, Matrix<T> dWk, Matrix<T> dWv) Backward(Matrix<T> dy, Matrix<T> x, Matrix<T> wq, Matrix<T> wk, Matrix<T> wv)
    {
        var (q, k, v) = (x * wq, x * wk, x * wv);
        var scale = Scale(wq);
        var a = Generic<T>.SoftmaxRows(q * k.Transpose() * scale);
        var dv = a.TransposeThisAndMultiply(dy);
        var da = dy * v.Transpose();
        var ds = Matrix<T>.Build.Dense(a.RowCount, a.ColumnCount);
        for (var r = 0; r < a.RowCount; r++)
        {
            var row = a.Row(r);
            ds.SetRow(r, row.PointwiseMultiply(da.Row(r) - da.Row(r).DotProduct(row)));
        }

        var dq = ds * k * scale;
        var dk = ds.TransposeThisAndMultiply(q) * scale;
        return (dq * wq.Transpose() + dk * wk.Transpose() + dv * wv.Transpose(),
            x.TransposeThisAndMultiply(dq), x.TransposeThisAndMultiply(dk), x.TransposeThisAndMultiply(dv));
    }

    private static T Scale(Matrix<T> wq) => T.One / T.Sqrt(Generic<T>.Of(wq.ColumnCount));
}

public sealed class GeluLayer : PrecisionLayer
{
    public override string Name => "GELU";

    public override string PlantedInput => "x";

    public override Differentiable Create<T>(Random random, PrecisionPlant plant)
    {
        var x = Draw<T>(random, Size(random), Size(random));
        var planted = Planting<T>(plant, 0, random);
        return Differentiable.Of(() => Gelu<T>.Forward(x), dy => planted(Gelu<T>.Backward(dy, x))).WithInput(x);
    }
}

/// <summary>A valid 1-D convolution of a sequence of length L with a kernel of length K ≤ L: L − K + 1 outputs.</summary>
public sealed class ConvolutionLayer : PrecisionLayer
{
    public override string Name => "convolution";

    public override string PlantedInput => "kernel";

    public override Differentiable Create<T>(Random random, PrecisionPlant plant)
    {
        var length = Size(random) + 2;
        var (sequence, kernel) = (Draw<T>(random, length), Draw<T>(random, random.Next(1, length + 1)));
        var planted = Planting<T>(plant, 1, random);
        var outputs = length - kernel.Count + 1;
        return Differentiable.Of(() => Vector<T>.Build.Dense(outputs, i =>
                {
                    var sum = T.Zero;
                    for (var k = 0; k < kernel.Count; k++) sum += sequence[i + k] * kernel[k];
                    return sum;
                }),
                dy =>
                {
                    var (dSequence, dKernel) = (Vector<T>.Build.Dense(length), Vector<T>.Build.Dense(kernel.Count));
                    for (var i = 0; i < outputs; i++)
                    for (var k = 0; k < kernel.Count; k++)
                    {
                        dSequence[i + k] += dy[i] * kernel[k];
                        dKernel[k] += dy[i] * sequence[i + k];
                    }

                    return planted((dSequence, dKernel));
                })
            .WithInput(sequence).WithInput(kernel);
    }
}
