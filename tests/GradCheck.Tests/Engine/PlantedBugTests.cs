using GradCheck.Tests.Fixtures;

namespace GradCheck.Tests.Engine;

/// <summary>Each planted bug is caught, in both modes, on many draws; the report names the wrong input.</summary>
public class PlantedBugTests
{
    public static TheoryData<string> Bugs => new(Catalog.Keys);

    private static readonly Dictionary<string, (Func<Random, Differentiable> Plant, string WrongInput)> Catalog = new()
    {
        ["missing transpose on a square weight"] = (r => PlantedBugs.WeightGradientTransposed(r), "w"),
        ["sign"] = (PlantedBugs.WeightGradientSignFlipped, "w"),
        ["missing factor 2"] = (PlantedBugs.MissingFactorTwo, "z"),
        ["missing 1/N"] = (r => PlantedBugs.MissingOneOverN(r), "z"),
        ["bias not summed over the batch"] = (PlantedBugs.BiasGradientFromFirstRow, "b"),
        ["sigmoid derivative from the wrong variable"] = (PlantedBugs.SigmoidFromWrongVariable, "x"),
        ["relative error 1e-4"] = (r => PlantedBugs.WeightGradientOffBy(r, 1e-4), "w"),
        ["relative error 1e-5"] = (r => PlantedBugs.WeightGradientOffBy(r, 1e-5), "w"),
        ["wrong only for negative inputs"] = (PlantedBugs.WrongOnlyForNegativeInputs, "x"),
        ["all-zero gradient"] = (PlantedBugs.WeightGradientZero, "w"),
    };

    // An error of 1e-5 is ten times the relative tolerance: every element shows it, but a random direction sums the
    // elements' tolerances too (an error within each element's tolerance must never fail a direction), so default
    // mode catches it only on most draws. Full mode catches it on every draw.
    public static TheoryData<string> DefaultModeBugs => new(Catalog.Keys.Where(k => k != "relative error 1e-5"));

    [Theory]
    [MemberData(nameof(DefaultModeBugs))]
    public void Bug_is_caught_in_default_mode(string bug) => AssertCaught(bug, CheckMode.Default);

    [Theory]
    [MemberData(nameof(Bugs))]
    public void Bug_is_caught_in_full_mode(string bug) => AssertCaught(bug, CheckMode.Full);

    [Fact]
    public void Assert_throws_with_the_report_as_message()
    {
        var exception = Assert.Throws<GradientCheckException>(() => GradientCheck.Assert(PlantedBugs.WeightGradientSignFlipped(new Random(3))));
        Assert.Equal(Verdict.Failed, exception.Result.Verdict);
        Assert.Contains("Input 'w'", exception.Message);
        Assert.Contains("analytic", exception.Message);
        Assert.Contains("numeric", exception.Message);
        Assert.Contains($"Seed = {exception.Result.Seed}", exception.Message);
    }

    [Fact]
    public void Replaying_the_printed_seed_gives_the_same_report()
    {
        var first = GradientCheck.Run(PlantedBugs.WeightGradientTransposed(new Random(5)));
        var replay = GradientCheck.Run(PlantedBugs.WeightGradientTransposed(new Random(5)), new CheckOptions { Seed = first.Seed });
        Assert.Equal(first.Report, replay.Report);
    }

    private static void AssertCaught(string bug, CheckMode mode)
    {
        var (plant, wrongInput) = Catalog[bug];
        var random = new Random(bug.Length);
        for (var draw = 0; draw < 20; draw++)
        {
            var result = GradientCheck.Run(plant(random), new CheckOptions { Mode = mode, Seed = draw });
            Assert.True(result.Verdict == Verdict.Failed, $"draw {draw}: {bug} not caught:\n{result.Report}");
            var failed = result.Inputs.Where(i => i.Verdict == Verdict.Failed).Select(i => i.Name).ToList();
            Assert.Equal([wrongInput], failed);
            Assert.NotEmpty(result.Inputs.Single(i => i.Name == wrongInput).WorstElements);
        }
    }
}
