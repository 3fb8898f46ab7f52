using GradCheck.Tests.Fixtures;

namespace GradCheck.Tests.Engine;

/// <summary>The diagnosis line names the bug pattern when the evidence supports one, in both modes.</summary>
public class DiagnosisTests
{
    public static TheoryData<CheckMode> Modes => new(CheckMode.Default, CheckMode.Full);

    [Theory, MemberData(nameof(Modes))]
    public void Missing_transpose_is_diagnosed(CheckMode mode) =>
        AssertDiagnosis(PlantedBugs.WeightGradientTransposed(new Random(1)), "w", mode, DiagnosisKind.Transposed);

    [Theory, MemberData(nameof(Modes))]
    public void Missing_transpose_on_a_large_weight_is_diagnosed_from_a_sample(CheckMode mode) =>
        AssertDiagnosis(PlantedBugs.WeightGradientTransposed(new Random(1), n: 4, d: 40), "w", mode, DiagnosisKind.Transposed);

    [Theory, MemberData(nameof(Modes))]
    public void Sign_error_is_diagnosed(CheckMode mode) =>
        AssertDiagnosis(PlantedBugs.WeightGradientSignFlipped(new Random(2)), "w", mode, DiagnosisKind.SignError, d => Assert.Equal(-1, d.Factor));

    [Theory, MemberData(nameof(Modes))]
    public void Missing_factor_two_is_diagnosed_as_one_half(CheckMode mode) =>
        AssertDiagnosis(PlantedBugs.MissingFactorTwo(new Random(3)), "z", mode, DiagnosisKind.ConstantFactor, d => Assert.Equal(0.5, d.Factor!.Value, 1e-6));

    [Theory, MemberData(nameof(Modes))]
    public void Missing_one_over_n_is_diagnosed_as_the_batch_size(CheckMode mode) =>
        AssertDiagnosis(PlantedBugs.MissingOneOverN(new Random(4), n: 7), "z", mode, DiagnosisKind.ConstantFactor, d => Assert.Equal(7, d.Factor!.Value, 1e-6));

    [Theory, MemberData(nameof(Modes))]
    public void All_zero_gradient_is_diagnosed(CheckMode mode) =>
        AssertDiagnosis(PlantedBugs.WeightGradientZero(new Random(5)), "w", mode, DiagnosisKind.AllZero);

    [Theory, MemberData(nameof(Modes))]
    public void Bug_only_for_negative_inputs_is_diagnosed(CheckMode mode) =>
        AssertDiagnosis(PlantedBugs.WrongOnlyForNegativeInputs(new Random(6)), "x", mode, DiagnosisKind.OnlyWhereNegative);

    [Theory, MemberData(nameof(Modes))]
    public void Wrong_rows_are_diagnosed(CheckMode mode)
    {
        var random = new Random(7);
        var x = Draw.Matrix(random, 8, 5);
        var check = Differentiable.Of(() => Activations.TanhForward(x), dout =>
            {
                var dx = Activations.TanhBackward(dout, x);
                dx.SetRow(2, dx.Row(2) * 3);   // one sample of the batch mishandled
                return dx;
            })
            .WithInput(x);
        AssertDiagnosis(check, "x", mode, DiagnosisKind.ConfinedToRows, d => Assert.Equal([2], d.Indices));
    }

    [Fact]
    public void One_element_is_no_evidence_for_a_factor_two_are()
    {
        // At one element any ratio fits some pattern by chance (sigmoid at 0 gives exactly 2): no cause is named.
        var one = Vector<double>.Build.Dense([0.7]);
        var two = Vector<double>.Build.Dense([0.7, -1.3]);
        Differentiable Square(Vector<double> x, double factor) =>
            Differentiable.Of(() => x.DotProduct(x), dout => x * (factor * 2 * dout)).WithInput(x);

        Assert.Null(GradientCheck.Run(Square(one, -1), new CheckOptions { Seed = 1 }).Inputs[0].Diagnosis);
        Assert.Null(GradientCheck.Run(Square(one, 0.5), new CheckOptions { Seed = 1 }).Inputs[0].Diagnosis);
        Assert.Equal(DiagnosisKind.SignError, GradientCheck.Run(Square(two, -1), new CheckOptions { Seed = 1 }).Inputs[0].Diagnosis?.Kind);
        var half = GradientCheck.Run(Square(two, 0.5), new CheckOptions { Seed = 1 }).Inputs[0].Diagnosis;
        Assert.Equal(DiagnosisKind.ConstantFactor, half?.Kind);
        Assert.StartsWith("analytic = 1/2 x numeric on all 2 checked elements", half?.ToString());
    }

    [Theory]
    [InlineData(1.0012, "1.0012")]
    [InlineData(0.99973, "0.99973")]
    [InlineData(-480, "-480")]
    [InlineData(37.3, "37.3")]
    public void A_ratio_no_usual_bug_explains_is_described_to_the_digits_that_tell_it_from_one_without_a_cause(double factor, string printed)
    {
        var x = Draw.Vector(new Random(3), 6);
        // Over many draws of the upstream weights: a wrong gradient also moves the steps, and no draw may lose the ratio.
        for (var seed = 0; seed < 20; seed++)
        {
            var result = GradientCheck.Run(Differentiable.Of(() => x.DotProduct(x), dout => x * (factor * 2 * dout)).WithInput(x),
                new CheckOptions { Mode = CheckMode.Full, Seed = seed });
            var diagnosis = result.Inputs[0].Diagnosis;
            Assert.Equal(DiagnosisKind.UniformRatio, diagnosis?.Kind);
            Assert.Equal(factor, diagnosis!.Factor!.Value, Math.Abs(factor) * 1e-5);
            Assert.StartsWith($"analytic ≈ {printed} x numeric on all 6 checked elements; no usual bug gives this factor", diagnosis.ToString());
        }
    }

    [Fact]
    public void A_huge_factor_is_never_named_as_a_cause()
    {
        var x = Draw.Vector(new Random(3), 6);
        var result = GradientCheck.Run(Differentiable.Of(() => x.DotProduct(x), dout => x * (50001 * 2 * dout)).WithInput(x),
            new CheckOptions { Mode = CheckMode.Full, Seed = 1 });
        Assert.Equal(Verdict.Failed, result.Verdict);
        Assert.NotEqual(DiagnosisKind.ConstantFactor, result.Inputs[0].Diagnosis?.Kind);
    }

    [Fact]
    public void A_factor_that_is_one_of_the_checks_sizes_or_its_square_root_is_named_as_such()
    {
        var random = new Random(4);
        var (q, k) = (Draw.Matrix(random, 3, 16), Draw.Matrix(random, 5, 16));
        // Scores q·kᵀ/√16 whose backward forgets the 1/√D: the gradient is √16 = 4 times too large.
        var result = GradientCheck.Run(Differentiable.Of(() => q.TransposeAndMultiply(k) / 4, dout => dout * k).WithInput(q),
            new CheckOptions { Mode = CheckMode.Full, Seed = 1 });
        var diagnosis = result.Inputs[0].Diagnosis;
        Assert.Equal(DiagnosisKind.ConstantFactor, diagnosis?.Kind);
        Assert.Equal("√D = √16", diagnosis!.FactorName);
    }

    [Fact]
    public void Unpatterned_bug_gets_no_diagnosis()
    {
        var result = GradientCheck.Run(PlantedBugs.SigmoidFromWrongVariable(new Random(8)), new CheckOptions { Mode = CheckMode.Full, Seed = 1 });
        Assert.Equal(Verdict.Failed, result.Verdict);
        Assert.Null(result.Inputs.Single().Diagnosis);
    }

    private static void AssertDiagnosis(Differentiable check, string input, CheckMode mode, DiagnosisKind expected, Action<Diagnosis>? details = null)
    {
        var result = GradientCheck.Run(check, new CheckOptions { Mode = mode, Seed = 11 });
        var diagnosis = result.Inputs.Single(i => i.Name == input).Diagnosis;
        Assert.True(diagnosis?.Kind == expected, $"expected a diagnosis {expected}, got \"{diagnosis}\":\n{result.Report}");
        details?.Invoke(diagnosis!);
        Assert.Contains("diagnosis: " + diagnosis, result.Report);
    }
}
