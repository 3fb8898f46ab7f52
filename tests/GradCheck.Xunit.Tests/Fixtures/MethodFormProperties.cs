using GradCheck.Parameters;
namespace GradCheck.Xunit.Tests.Fixtures;

/// <summary>The other forms a property method takes: scalar loss, constants, self-checking void/Task, other argument types.</summary>
public static class MethodFormProperties
{
    public static Differentiable ScalarLoss([Shape("N", "C")] Matrix<double> z, [Constant, Shape("N", "C")] Matrix<double> y) =>
        Differentiable.Of(() => MeanSquaredError.Forward(z, y), dout => MeanSquaredError.Backward(dout, z, y));

    public static void ChecksItself([Shape("N", "D")] Matrix<double> x) =>
        GradientCheck.Assert(Differentiable.Of(() => Activations.TanhForward(x), dout => Activations.TanhBackward(dout, x)).WithInput(x));

    public static void ChecksItselfWrongly([Shape("N", "D")] Matrix<double> x) =>
        GradientCheck.Assert(Differentiable.Of(() => Activations.TanhForward(x), dout => Activations.TanhBackward(dout, x) * 1.5).WithInput(x));

    public static async Task ChecksItselfAsync([Shape("N")] Vector<double> v)
    {
        await Task.Yield();
        GradientCheck.Assert(Differentiable.Of(() => v.PointwiseMultiply(v), dout => 2 * dout.PointwiseMultiply(v)).WithInput(v));
    }

    public static async Task<Differentiable> ReturnsTask([Shape("N", "D")] Matrix<double> x)
    {
        await Task.Yield();
        return Differentiable.Of(() => Activations.SigmoidForward(x), dout => Activations.SigmoidBackward(dout, x));
    }

    /// <summary>A double scalar (bounded by its domain) and an int from FsCheck's own generator.</summary>
    public static Differentiable LeakyReluWithScalars([AwayFrom(0), Shape("N", "D")] Matrix<double> x, [Between(0.01, 0.5)] double slope, int unused)
    {
        Assert.InRange(slope, 0.01, 0.5);
        return Differentiable.Of(() => Activations.LeakyReluForward(x, slope), dout => Activations.LeakyReluBackward(dout, x, slope));
    }

    /// <summary>A learnable slope as a differentiated <see cref="Scalar"/> parameter: its gradient comes back as a double.</summary>
    public static Differentiable LeakyReluWithLearnableSlope([AwayFrom(0), Shape("N", "D")] Matrix<double> x, [Between(0.01, 0.5)] Scalar slope) =>
        Differentiable.Of(() => Activations.LeakyReluForward(x, slope.Value),
            dout => (Activations.LeakyReluBackward(dout, x, slope.Value), dout.PointwiseMultiply(x.Map(v => v > 0 ? 0 : v)).Enumerate().Sum()));

    /// <summary>The same with the slope's gradient missing its minus-side mask: wrong, and the report must name 'slope'.</summary>
    public static Differentiable LeakyReluWithWrongSlopeGradient([AwayFrom(0), Shape("N", "D")] Matrix<double> x, [Between(0.01, 0.5)] Scalar slope) =>
        Differentiable.Of(() => Activations.LeakyReluForward(x, slope.Value),
            dout => (Activations.LeakyReluBackward(dout, x, slope.Value), dout.PointwiseMultiply(x).Enumerate().Sum()));

    /// <summary>One-hot labels drawn from a user-registered Arbitrary, fixed literal class count.</summary>
    public static Differentiable CrossEntropyWithLabels([Shape("N", "3")] Matrix<double> z, OneHotLabels labels)
    {
        var y = Matrix<double>.Build.Dense(z.RowCount, 3, (r, c) => labels.Classes[r % labels.Classes.Length] == c ? 1 : 0);
        return Differentiable.Of(() => Softmax.CrossEntropyForward(z, y), dout => Softmax.CrossEntropyBackward(dout, z, y));
    }

    /// <summary>Inputs added by hand take precedence over the parameters.</summary>
    public static Differentiable ExplicitInputs([Shape("N", "D")] Matrix<double> x, [Shape("D", "M")] Matrix<double> w) =>
        Differentiable.Of(() => x * w, dout => dout.TransposeAndMultiply(w)).WithInput(x).WithConstant(w);
}

/// <summary>Class labels in 0..2, for a user-registered FsCheck Arbitrary.</summary>
public sealed record OneHotLabels(int[] Classes);

/// <summary>The user's Arbitrary registrations: public static members returning Arbitrary&lt;T&gt;.</summary>
public static class LabelArbitraries
{
    public static FsCheck.Arbitrary<OneHotLabels> Labels() =>
        FsCheck.Fluent.Arb.From(FsCheck.Fluent.Gen.Select(FsCheck.Fluent.Gen.ArrayOf(FsCheck.Fluent.Gen.Choose(0, 2), 4), c => new OneHotLabels(c)));
}
