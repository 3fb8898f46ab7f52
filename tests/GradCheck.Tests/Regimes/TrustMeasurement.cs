namespace GradCheck.Tests.Regimes;

/// <summary>
/// The measurement behind the README's trust figures, too slow for every test run: set GRADCHECK_TRUST_DRAWS (draws
/// per regime; GRADCHECK_TRUST_SEED draws other samples) and run
/// <c>dotnet test tests/GradCheck.Tests --filter TrustMeasurement --logger "console;verbosity=detailed"</c>.
/// Without the variable it runs two draws, so it still proves it works.
/// </summary>
public class TrustMeasurement(ITestOutputHelper output)
{
    [Theory]
    [InlineData(CheckMode.Default)]
    [InlineData(CheckMode.Full)]
    public void Tally_over_the_regime_layers(CheckMode mode)
    {
        var draws = int.TryParse(Environment.GetEnvironmentVariable("GRADCHECK_TRUST_DRAWS"), out var d) ? d : 2;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("GRADCHECK_TRUST_SEED"), out var s) ? s : 20261129;
        // GRADCHECK_TRUST_REGIME narrows the tally to the regimes whose name contains it (to study one).
        var only = Environment.GetEnvironmentVariable("GRADCHECK_TRUST_REGIME") ?? "";
        var regimes = RegimeLayers.All.Where(c => c.ToString().Contains(only, StringComparison.Ordinal));
        var tally = TrustTally.Run(regimes, [GradientPlant.None, .. GradientPlant.Bugs], mode, draws, seed);
        output.WriteLine($"{mode} mode, {draws} draws per regime and plant, seed {seed}:");
        output.WriteLine(tally.ToString());
        foreach (var example in tally.Examples) output.WriteLine(example + "\n");
        output.WriteLine($"failures without their evidence in numbers: {tally.Unevidenced}");
        Assert.True(tally.FalseAlarms + tally.Misses + tally.WrongDiagnoses + tally.Unevidenced == 0, tally.ToString());
    }
}
