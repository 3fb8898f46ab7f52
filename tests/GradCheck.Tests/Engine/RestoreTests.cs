using GradCheck.Tests.Fixtures;

namespace GradCheck.Tests.Engine;

/// <summary>The user's data is never lost: perturbed inputs come back bit for bit, whatever happens.</summary>
public class RestoreTests
{
    // Values whose bits a careless restore (x + h − h) would change: −0, a subnormal, an odd last bit, a huge value.
    private static Matrix<double> Awkward() => Matrix<double>.Build.DenseOfArray(new[,]
    {
        { -0.0, double.Epsilon * 3, 0.1 + 0.2 },
        { 1e300, -1.0 / 3, BitConverter.Int64BitsToDouble(0x3FF0000000000001) },
    });

    public static TheoryData<CheckMode> Modes => new(CheckMode.Default, CheckMode.Full);

    [Theory, MemberData(nameof(Modes))]
    public void Inputs_are_restored_bit_for_bit_after_a_passing_check(CheckMode mode)
    {
        var x = Awkward();
        var result = GradientCheck.Run(Differentiable.Of(() => x * 3, d => d * 3).WithInput(x), new CheckOptions { Mode = mode });
        Assert.Equal(Verdict.Passed, result.Verdict);
        AssertSameBits(Awkward(), x);
    }

    [Theory, MemberData(nameof(Modes))]
    public void Inputs_are_restored_bit_for_bit_after_a_failing_check(CheckMode mode)
    {
        var x = Awkward();
        var result = GradientCheck.Run(Differentiable.Of(() => x * 3, d => d * 2).WithInput(x), new CheckOptions { Mode = mode });
        Assert.Equal(Verdict.Failed, result.Verdict);
        AssertSameBits(Awkward(), x);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(6)]
    public void Inputs_are_restored_when_the_forward_throws_midway(int throwAtEvaluation)
    {
        var x = Awkward();
        var w = Draw.Matrix(new Random(1), 3, 3);
        var wBefore = w.Clone();
        var evaluations = 0;
        var result = GradientCheck.Run(Differentiable.Of(() =>
            {
                if (++evaluations == throwAtEvaluation) throw new InvalidOperationException("midway");
                return x * w;
            }, d => (d * w.Transpose(), x.TransposeThisAndMultiply(d))).WithInput(x).WithInput(w));
        Assert.Equal(FaultKind.ForwardThrew, result.Fault?.Kind);
        // 1: the guards' first run (their second is the base point); 3, 6: the joint probes' first and last evaluations.
        if (throwAtEvaluation > 2) Assert.Contains("inputs 'x', 'w' were moved together along a joint probe direction", result.Fault!.Message);
        AssertSameBits(Awkward(), x);
        AssertSameBits(wBefore, w);
    }

    [Fact]
    public void Inputs_are_restored_when_a_perturbation_produces_NaN()
    {
        // Defined only at the unperturbed values: any perturbation produces NaN.
        var x = Vector<double>.Build.Dense([1e-7, 2.0]);
        var before = x.Clone();
        var result = GradientCheck.Run(Differentiable.Of(() => x.Equals(before) ? x.Sum() : double.NaN, d => x.Map(_ => d)).WithInput(x),
            new CheckOptions { Mode = CheckMode.Full });
        Assert.Equal(FaultKind.NonFiniteOutput, result.Fault?.Kind);
        Assert.Equal(before.ToArray().Select(BitConverter.DoubleToInt64Bits), x.ToArray().Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void Sparse_inputs_are_perturbed_through_the_indexer_and_restored()
    {
        var x = Matrix<double>.Build.SparseOfArray(new[,] { { 1.5, 0 }, { 0, -2.0 } });
        var before = x.Clone();
        var result = GradientCheck.Run(Differentiable.Of(() => x.PointwiseMultiply(x).Enumerate().Sum(), d => 2 * d * x).WithInput(x),
            new CheckOptions { Mode = CheckMode.Full });
        Assert.Equal(Verdict.Passed, result.Verdict);
        Assert.Equal(before, x);
    }

    private static void AssertSameBits(Matrix<double> expected, Matrix<double> actual) =>
        Assert.Equal(expected.ToColumnMajorArray().Select(BitConverter.DoubleToInt64Bits),
                     actual.ToColumnMajorArray().Select(BitConverter.DoubleToInt64Bits));
}
