using System.Reflection;
using FsCheck;
using FsCheck.Fluent;

namespace GradCheck;

/// <summary>
/// Runs a test method as an FsCheck property: FsCheck draws samples (sizes growing with its size parameter), each is
/// checked by the engine, samples at a kink are discarded and counted, and a failure is shrunk by FsCheck's runner onto smaller samples failing the same way.
/// </summary>
internal static class PropertyRunner
{
    public static PropertyResult Run(MethodInfo method, object? target, PropertyOptions given)
    {
        PropertyPlan plan;
        Microsoft.FSharp.Core.FSharpOption<Replay>? replay;
        PropertyOptions options;
        try
        {
            (plan, replay, options) = Prepare(method, given);
        }
        catch (PropertyDefinitionException e)
        {
            return new PropertyResult(PropertyVerdict.Invalid, PropertyReport.Invalid(method, e.Message));
        }

        var discards = new DiscardTally();
        var statistics = new StatisticsCollector(plan);
        var property = Prop.ForAll(Arbitrary(plan, target, options), sample =>
        {
            if (options.CancellationToken.IsCancellationRequested) return true; // let FsCheck wind down; cancellation is rethrown below
            var verdict = Judge(sample, target, options);
            switch (verdict.Kind)
            {
                case SampleVerdict.Discarded:
                    if (!sample.IsShrinkCandidate) discards.Add(verdict.Text);
                    return Prop.Discard<bool>();
                case SampleVerdict.Failed:
                    if (!sample.IsShrinkCandidate) statistics.Add(sample);
                    return false;
                default:
                    if (!sample.IsShrinkCandidate) statistics.Add(sample);
                    return true;
            }
        });

        var runner = new CapturingRunner();
        var config = Config.Quick
            .WithName(PropertyReport.Name(method))
            .WithMaxTest(options.Samples)
            .WithMaxRejected(options.MaxDiscarded)
            .WithStartSize(options.StartSize)
            .WithEndSize(options.EndSize)
            .WithReplay(replay)
            .WithRunner(runner);
        Check.One(config, property);
        options.CancellationToken.ThrowIfCancellationRequested();
        return Summarize(runner.Result ?? throw new InvalidOperationException("FsCheck finished without a result."), method, target, options, discards,
            statistics.ToStatistics());
    }

    /// <summary>The same property for FsCheck's own runner (<c>Check.One</c>, <c>QuickCheckThrowOnFailure</c>): a failure throws with the engine's
    /// report.</summary>
    public static Property ToProperty(MethodInfo method, object? target, PropertyOptions given)
    {
        PropertyPlan plan;
        PropertyOptions options;
        try
        {
            (plan, _, options) = Prepare(method, given);
        }
        catch (PropertyDefinitionException e)
        {
            throw new ArgumentException(PropertyReport.Invalid(method, e.Message), nameof(method));
        }

        return Prop.ForAll(Arbitrary(plan, target, options), sample =>
        {
            var verdict = Judge(sample, target, options);
            return verdict.Kind switch
            {
                SampleVerdict.Discarded => Prop.Discard<bool>(),
                SampleVerdict.Failed => throw new SampleFailedException($"{sample.SizesText}{Environment.NewLine}{verdict.Text}", verdict.Exception),
                _ => true,
            };
        });
    }

    /// <summary>The plan, the replay and the options in effect (the given ones over the class's and assembly's defaults).</summary>
    private static (PropertyPlan, Microsoft.FSharp.Core.FSharpOption<Replay>?, PropertyOptions) Prepare(MethodInfo method, PropertyOptions given)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(given);
        var (options, origin) = PropertyDefaults.Resolve(method, given);
        options.Validate(origin);
        var plan = PropertyPlan.Read(method, options);
        SizeBounds.Validate(options, plan, origin);
        return (plan, ReplaySetting.Parse(options.Replay), options);
    }

    private static Arbitrary<PropertySample> Arbitrary(PropertyPlan plan, object? target, PropertyOptions options) =>
        Arb.From(SampleGenerator.For(plan, options), sample => SampleShrinker.Candidates(sample, options, s => SampleEvaluator.Evaluate(s, target, options)));

    /// <summary>
    /// The sample's result as the property sees it. A shrink candidate that fails otherwise than the first failure (other
    /// inputs wrong, another kind of diagnosis, a fault instead of a wrong gradient) or touches a kink is not a smaller
    /// case of the same bug: it is set aside, uncounted, and FsCheck tries the next candidate.
    /// </summary>
    private static SampleResult Judge(PropertySample sample, object? target, PropertyOptions options)
    {
        var verdict = SampleEvaluator.Evaluate(sample, target, options);
        if (verdict.Kind != SampleVerdict.Failed || sample.Required is not { } required) return verdict;
        if (FailureCharacter.OnKink(verdict)) return SampleResult.Discard("a shrink candidate on a kink");
        return FailureCharacter.Of(verdict) == required ? verdict : SampleResult.Discard("a shrink candidate failing otherwise");
    }

    private static PropertyResult Summarize(TestResult result, MethodInfo method, object? target, PropertyOptions options, DiscardTally discards,
        PropertyStatistics statistics)
    {
        switch (result)
        {
            case TestResult.Passed passed:
                return new PropertyResult(PropertyVerdict.Passed,
                    PropertyReport.Passed(method, passed.Item1.NumberOfTests, discards, statistics, options.Verbose))
                {
                    PassedSamples = passed.Item1.NumberOfTests, DiscardedSamples = discards.Total, DiscardReasons = discards.ByReason, Statistics = statistics,
                };
            case TestResult.Exhausted exhausted:
                return new PropertyResult(PropertyVerdict.Exhausted, PropertyReport.Exhausted(method, exhausted.Item.NumberOfTests, discards, statistics))
                {
                    PassedSamples = exhausted.Item.NumberOfTests, DiscardedSamples = discards.Total, DiscardReasons = discards.ByReason,
                    Statistics = statistics,
                };
            case TestResult.Failed failed:
            {
                var original = (PropertySample)failed.Item2.Head;
                var shrunk = (PropertySample)failed.Item3.Head;
                // Both were evaluated during the run; the results are remembered per sample.
                var originalVerdict = SampleEvaluator.Evaluate(original, target, options);
                var verdict = SampleEvaluator.Evaluate(shrunk, target, options);
                var replay = ReplaySetting.Format(failed.Item6, failed.Item7);
                var passedSamples = failed.Item1.NumberOfTests - 1;
                var message = PropertyReport.Failed(original, originalVerdict, shrunk, verdict, passedSamples, failed.Item1.NumberOfShrinks, discards,
                    statistics, replay);
                return new PropertyResult(PropertyVerdict.Failed, message)
                {
                    PassedSamples = passedSamples, DiscardedSamples = discards.Total, DiscardReasons = discards.ByReason,
                    Shrinks = failed.Item1.NumberOfShrinks, ShrunkSizes = shrunk.SizesBySymbol, OriginalSizes = original.SizesBySymbol,
                    Check = verdict.Check, OriginalCheck = originalVerdict.Check, Exception = verdict.Exception, Replay = replay, Statistics = statistics,
                };
            }
            default:
                throw new InvalidOperationException($"Unexpected FsCheck result {result}.");
        }
    }
}
