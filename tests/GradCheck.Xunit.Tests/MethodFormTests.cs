using GradCheck.Xunit.Tests.Infrastructure;
using GradCheck.Xunit.Tests.Fixtures;

namespace GradCheck.Xunit.Tests;

/// <summary>Scalar losses, constants, self-checking methods, tasks, other argument types, and the FsCheck Prop form.</summary>
public class MethodFormTests
{
    [Theory]
    [InlineData(nameof(MethodFormProperties.ScalarLoss))]
    [InlineData(nameof(MethodFormProperties.ChecksItself))]
    [InlineData(nameof(MethodFormProperties.ChecksItselfAsync))]
    [InlineData(nameof(MethodFormProperties.ReturnsTask))]
    [InlineData(nameof(MethodFormProperties.LeakyReluWithScalars))]
    [InlineData(nameof(MethodFormProperties.ExplicitInputs))]
    [InlineData(nameof(MethodFormProperties.LeakyReluWithLearnableSlope))]
    public void A_correct_property_in_this_form_passes(string method)
    {
        var result = GradientProperty.Run(typeof(MethodFormProperties), method, Cancellable.Options(new PropertyOptions { Samples = 40 }));

        Assert.True(result.Passed, result.Message);
        Assert.Equal(40, result.PassedSamples);
    }

    [Fact]
    public void A_wrong_gradient_of_a_Scalar_parameter_fails_naming_it()
    {
        var result = GradientProperty.Run(typeof(MethodFormProperties), nameof(MethodFormProperties.LeakyReluWithWrongSlopeGradient), Cancellable.Options());

        Assert.Equal(PropertyVerdict.Failed, result.Verdict);
        var wrong = Assert.Single(result.Check!.Inputs, i => i.Verdict == Verdict.Failed);
        Assert.Equal("slope", wrong.Name);
        Assert.Contains("Input 'slope' (scalar)", result.Message);
    }

    [Fact]
    public void A_self_checking_method_fails_with_the_engines_report_shrunk()
    {
        var result = GradientProperty.Run(typeof(MethodFormProperties), nameof(MethodFormProperties.ChecksItselfWrongly), Cancellable.Options());

        Assert.Equal(PropertyVerdict.Failed, result.Verdict);
        Assert.Equal(Verdict.Failed, result.Check?.Verdict);
        // Two elements, not one: a single element cannot tell a factor of 1.5 from anything else, so shrinking to it
        // would lose the diagnosis the first failing sample had.
        Assert.Equal(3, result.ShrunkSizes.Values.Sum());
        var diagnosis = Assert.Single(result.Check!.Inputs).Diagnosis;
        // 1.5 is no usual bug's factor: described, not named as a cause.
        Assert.Equal(DiagnosisKind.UniformRatio, diagnosis?.Kind);
        Assert.Equal(1.5, diagnosis!.Factor!.Value, 1e-6);
    }

    [Fact]
    public void User_registered_arbitraries_generate_other_parameters()
    {
        var settings = new PropertyOptions { Samples = 30, Arbitrary = [typeof(LabelArbitraries)] };

        var result = GradientProperty.Run(typeof(MethodFormProperties), nameof(MethodFormProperties.CrossEntropyWithLabels), Cancellable.Options(settings));

        Assert.True(result.Passed, result.Message);
    }

    [Fact]
    public void Without_the_registration_the_label_parameter_is_named_as_ungeneratable()
    {
        var result = GradientProperty.Run(typeof(MethodFormProperties), nameof(MethodFormProperties.CrossEntropyWithLabels), Cancellable.Options());

        Assert.False(result.Passed);
        Assert.Contains("labels", result.Message);
    }

    [Fact]
    public void A_lambda_with_shape_attributes_runs_through_the_plain_entry()
    {
        var result = GradientProperty.Run(([Shape("N", "D")] Matrix<double> x, [Shape("D")] Vector<double> gamma, [Shape("D")] Vector<double> beta) =>
            Differentiable.Of(() => Normalization.LayerNormForward(x, gamma, beta), dout => Normalization.LayerNormBackward(dout, x, gamma)),
                Cancellable.Options(new PropertyOptions { Samples = 30 }));

        Assert.True(result.Passed, result.Message);
    }

    [Fact]
    public void The_property_runs_under_FsChecks_own_runner()
    {
        FsCheck.Config config = FsCheck.Config.QuickThrowOnFailure.WithMaxTest(30);

        FsCheck.Check.One(config, GradientProperty.ToProperty(AffineProperties.Correct));
        var failure = Assert.ThrowsAny<Exception>(() => FsCheck.Check.One(config, GradientProperty.ToProperty(AffineProperties.InputGradientSignFlipped)));
        Assert.Contains("Input 'x'", failure.Message);
    }
}
