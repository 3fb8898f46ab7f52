using System.Text;

namespace GradCheck.Tests.Regimes;

/// <summary>
/// False alarms, misses and wrong diagnoses of the engine over the regime layers: every correct layer must pass, every
/// planted bug must fail, and a diagnosis may name only what the plant allows.
/// </summary>
public sealed class TrustTally
{
    private readonly Dictionary<string, (int Checks, int FalseAlarms, int Bugs, int Misses, int WrongDiagnoses)> rows = [];
    private readonly List<string> examples = [];

    public int FalseAlarms => rows.Values.Sum(r => r.FalseAlarms);

    public int Misses => rows.Values.Sum(r => r.Misses);

    public int WrongDiagnoses => rows.Values.Sum(r => r.WrongDiagnoses);

    public IReadOnlyList<string> Examples => examples;

    public static TrustTally Run(IEnumerable<RegimeCase> cases, IEnumerable<GradientPlant> plants, CheckMode mode, int draws, int seed)
    {
        var tally = new TrustTally();
        var plantList = plants.ToList();
        foreach (var regimeCase in cases)
            for (var draw = 0; draw < draws; draw++)
                foreach (var plant in plantList)
                {
                    var random = new Random(StableHash($"{seed} {regimeCase} {draw}"));
                    var result = GradientCheck.Run(regimeCase.Build(random, plant), new CheckOptions { Mode = mode, Seed = seed + draw });
                    tally.Add(regimeCase, plant, result);
                }

        return tally;
    }

    // HashCode.Combine differs from process to process: a tally must be repeatable.
    private static int StableHash(string text) => text.Aggregate(17, (hash, c) => unchecked(hash * 31 + c));

    /// <summary>
    /// Failed inputs whose report does not carry its evidence: no wrong element and no failing direction with numbers, or
    /// a confirmation that calls the gradient consistent printed next to the failure.
    /// </summary>
    public int Unevidenced { get; private set; }

    private void Add(RegimeCase regimeCase, GradientPlant plant, CheckResult result)
    {
        foreach (var failed in result.Inputs.Where(i => i.Verdict == Verdict.Failed))
        {
            var evidence = failed.WorstElements.Any(e => e.Verdict == Verdict.Failed) || failed.FailedDirections.Count > 0;
            if (evidence && failed.Confirmation is not { IsConsistent: true }) continue;
            Unevidenced++;
            Note($"unevidenced failure of '{failed.Name}' on {regimeCase}", result);
        }

        var key = regimeCase.ToString();
        var row = rows.GetValueOrDefault(key);
        row.Checks++;
        if (!plant.IsBug)
        {
            if (result.Verdict != Verdict.Passed)
            {
                row.FalseAlarms++;
                Note($"false alarm ({result.Verdict}) on {key}", result);
            }
        }
        else
        {
            row.Bugs++;
            var input = result.Inputs.FirstOrDefault(i => i.Name == regimeCase.PlantedInput);
            if (input?.Verdict != Verdict.Failed)
            {
                row.Misses++;
                Note($"missed '{plant}' on {key}", result);
            }
            // A uniform ratio names no cause: it is a description, wrong only if the ratio is not uniform (which the
            // finder checks on every element).
            else if (input.Diagnosis is { } diagnosis && !plant.Acceptable.Contains(diagnosis.Kind) && diagnosis.Kind != DiagnosisKind.UniformRatio)
            {
                row.WrongDiagnoses++;
                Note($"wrong diagnosis {diagnosis.Kind} for '{plant}' on {key}", result);
            }
        }

        rows[key] = row;
    }

    private readonly Dictionary<string, int> noted = [];

    // A few examples of each kind of mistake (the text before " on " or " for ").
    private void Note(string what, CheckResult result)
    {
        var kind = what.Split(' ')[0];
        if (noted.GetValueOrDefault(kind) >= 4) return;
        noted[kind] = noted.GetValueOrDefault(kind) + 1;
        examples.Add($"{what}:\n{result.Report}");
    }

    /// <summary>A table per regime, then the totals.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine($"{"regime: layer",-44} {"checks",7} {"false alarms",13} {"bugs",6} {"misses",7} {"wrong diagnoses",16}");
        foreach (var (key, r) in rows)
            text.AppendLine($"{key,-44} {r.Checks,7} {r.FalseAlarms,13} {r.Bugs,6} {r.Misses,7} {r.WrongDiagnoses,16}");
        text.AppendLine($"{"total",-44} {rows.Values.Sum(r => r.Checks),7} {FalseAlarms,13} {rows.Values.Sum(r => r.Bugs),6} {Misses,7} {WrongDiagnoses,16}");
        return text.ToString();
    }
}
