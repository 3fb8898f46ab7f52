using GradCheck.Xunit.Tests.Fixtures;

namespace GradCheck.Xunit.Tests.Infrastructure;

/// <summary>
/// Runs a property of <see cref="ShrinkingProperties"/> from many seeds and sorts its failures. A first failing sample
/// whose own report is already off (a diagnosis the bug does not have, other inputs blamed) is the engine's to answer
/// for and is counted apart; of the others, the shrunk report keeps the right diagnosis (or none) on the inputs the bug
/// makes wrong, or shrinking made it wrong: a wrong diagnosis, other inputs blamed, or another kind of failure (a fault,
/// an exception). GRADCHECK_SHRINK_SEEDS sets the number of seeds (to measure).
/// </summary>
public static class ShrunkDiagnosisCensus
{
    public sealed record Census(string Property, int Runs, int Failed, int WrongBeforeShrinking, int WrongDiagnoses, int OtherInputs,
        int OtherFailures, int KindChanged, IReadOnlyList<string> Examples)
    {
        /// <summary>Shrunk reports made wrong by shrinking.</summary>
        public int Wrong => WrongDiagnoses + OtherInputs + OtherFailures;

        public override string ToString() =>
            $"{Property}: {Runs} runs, {Failed} failed, {WrongBeforeShrinking} already off before shrinking; of the others shrunk to " +
            $"{WrongDiagnoses} wrong diagnoses, {OtherInputs} blaming other inputs, {OtherFailures} another kind of failure; " +
            $"{KindChanged} changed a diagnosis kind";
    }

    public static int Seeds(int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable("GRADCHECK_SHRINK_SEEDS"), out var seeds) && seeds > 0 ? seeds : fallback;

    public static PropertyOptions Options(int seed, CancellationToken cancellationToken) =>
        new() { Replay = $"{1_000_003L * seed},{2 * seed + 1}", CancellationToken = cancellationToken };

    public static Census Take(string property, int seeds, CancellationToken cancellationToken)
    {
        var (failed, before, wrong, otherInputs, other, kindChanged) = (0, 0, 0, 0, 0, 0);
        var examples = new List<string>();
        for (var seed = 1; seed <= seeds; seed++)
        {
            var result = GradientProperty.Run(typeof(ShrinkingProperties), property, Options(seed, cancellationToken));
            if (result.Verdict != PropertyVerdict.Failed) continue;
            failed++;
            if (Judge(property, result.OriginalCheck) is not null)
            {
                before++;
                continue;
            }

            if (result.OriginalCheck is { } original && result.Check is { } shrunk && KindsOf(original) != KindsOf(shrunk)) kindChanged++;
            switch (Judge(property, result.Check))
            {
                case null: continue;
                case Problem.WrongDiagnosis: wrong++; break;
                case Problem.OtherInputs: otherInputs++; break;
                default: other++; break;
            }

            examples.Add(result.Message);
        }

        return new Census(property, seeds, failed, before, wrong, otherInputs, other, kindChanged, examples);
    }

    public enum Problem
    {
        WrongDiagnosis,
        OtherInputs,
        OtherFailure,
    }

    /// <summary>What is off in a failure's report of this property's planted bug; null when it describes the bug.</summary>
    public static Problem? Judge(string property, CheckResult? check)
    {
        if (check is not { Verdict: Verdict.Failed }) return Problem.OtherFailure;
        var failing = check.Inputs.Where(i => i.Verdict == Verdict.Failed).ToList();
        if (failing.Any(i => i.Diagnosis is { } d && !ShrinkingProperties.Expected[property].Contains(d.Kind))) return Problem.WrongDiagnosis;
        if (!failing.Select(i => i.Name).Order().SequenceEqual(ShrinkingProperties.WrongInputs[property].Order())) return Problem.OtherInputs;
        return null;
    }

    /// <summary>"q: (none), x: OnlyWhereNegative": the wrong inputs and their kinds of diagnosis.</summary>
    public static string KindsOf(CheckResult check) => string.Join(", ", check.Inputs.Where(i => i.Verdict == Verdict.Failed)
        .OrderBy(i => i.Name, StringComparer.Ordinal).Select(i => $"{i.Name}: {i.Diagnosis?.Kind.ToString() ?? "(none)"}"));
}
