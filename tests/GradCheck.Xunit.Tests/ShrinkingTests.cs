using GradCheck.Xunit.Tests.Fixtures;
using GradCheck.Xunit.Tests.Infrastructure;

namespace GradCheck.Xunit.Tests;

/// <summary>
/// Shrinking keeps the bug's character: on layers whose degenerate points (kinks, 0, ±1, integers, constant columns) lie
/// where naive shrinking goes, every shrunk failure of a planted bug still fails, as a wrong gradient of the same inputs,
/// with the same kind of diagnosis as the first failing sample — so a right diagnosis (or none) stays right.
/// </summary>
public class ShrinkingTests
{
    public static TheoryData<string> Properties => new(ShrinkingProperties.Expected.Keys);

    [Theory, MemberData(nameof(Properties))]
    public void A_shrunk_failure_of_a_planted_bug_keeps_a_right_diagnosis_or_none(string property)
    {
        var census = ShrunkDiagnosisCensus.Take(property, ShrunkDiagnosisCensus.Seeds(6), TestContext.Current.CancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine(census.ToString());

        Assert.Equal(census.Runs, census.Failed);
        Assert.True(census.Runs - census.WrongBeforeShrinking >= census.Runs / 2, $"too few first failures describe the bug to judge shrinking: {census}");
        Assert.True(census.Wrong == 0 && census.KindChanged == 0, $"{census}\n\n{string.Join("\n\n----\n\n", census.Examples.Take(2))}");
    }

    [Fact]
    public void When_shrinking_changes_a_diagnosis_details_the_report_gives_the_first_failing_samples_too()
    {
        var options = new PropertyOptions { StartSize = 100, EndSize = 100, Replay = "424242,4243" };

        var result = GradientProperty.Run(typeof(ShrinkingProperties), nameof(ShrinkingProperties.BatchMeanWithoutOneOverN), Cancellable.Options(options));

        Assert.Equal(PropertyVerdict.Failed, result.Verdict);
        var (n, shrunkN) = (result.OriginalSizes["N"], result.ShrunkSizes["N"]);
        Assert.True(n > 2, $"the first failing sample has N = {n}; the test needs one larger than the shrunk one");
        Assert.Equal(2, shrunkN);
        Assert.Equal(n, Assert.Single(result.OriginalCheck!.Inputs).Diagnosis!.Factor!.Value, 1e-6);
        Assert.Equal(2, Assert.Single(result.Check!.Inputs).Diagnosis!.Factor!.Value, 1e-6);
        Assert.Contains($"Before shrinking (N = {n}, D = {result.OriginalSizes["D"]}) the diagnosis read otherwise:", result.Message);
        Assert.Contains($"  input 'x': analytic = N = {n} x numeric on all", result.Message);
        Assert.Contains("diagnosis: analytic = 2 x numeric on all 2 checked elements", result.Message);
    }

    [Fact]
    public void A_report_whose_diagnosis_shrinking_kept_gives_it_once()
    {
        var result = GradientProperty.Run(typeof(ShrinkingProperties), nameof(ShrinkingProperties.EluWithNegativeBranchFromOutput),
            ShrunkDiagnosisCensus.Options(3, TestContext.Current.CancellationToken));

        Assert.Equal(PropertyVerdict.Failed, result.Verdict);
        Assert.DoesNotContain("Before shrinking", result.Message);
    }
}
