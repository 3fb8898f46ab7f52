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
    public void A_single_element_shows_an_exact_sign_or_factor_but_not_an_arbitrary_ratio()
    {
        var x = Vector<double>.Build.Dense([0.7]);
        Differentiable Square(double factor) =>
            Differentiable.Of(() => x[0] * x[0], dout => Vector<double>.Build.Dense([factor * 2 * x[0] * dout])).WithInput(x);

        Assert.Equal(DiagnosisKind.SignError, GradientCheck.Run(Square(-1)).Inputs[0].Diagnosis?.Kind);
        var half = GradientCheck.Run(Square(0.5)).Inputs[0].Diagnosis;
        Assert.Equal(DiagnosisKind.ConstantFactor, half?.Kind);
        Assert.StartsWith("analytic = 1/2 x numeric", half?.ToString());
        Assert.Null(GradientCheck.Run(Square(1.37)).Inputs[0].Diagnosis);
    }

    [Fact]
    public void Unpatterned_bug_gets_no_diagnosis()
    {
        var result = GradientCheck.Run(PlantedBugs.SigmoidFromWrongVariable(new Random(8)), new CheckOptions { Mode = CheckMode.Full });
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
