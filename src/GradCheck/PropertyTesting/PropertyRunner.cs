using System.Reflection;
using FsCheck;
using FsCheck.Fluent;

namespace GradCheck;

/// <summary>
/// Runs a test method as an FsCheck property: FsCheck draws samples (sizes growing with its size parameter), each is
/// checked by the engine, samples at a kink are discarded and counted, and a failure is shrunk by FsCheck's runner.
/// </summary>
internal static class PropertyRunner
{
    public static PropertyResult Run(MethodInfo method, object? target, GradCheckSettings settings, CancellationToken cancellationToken)
    {
        PropertyPlan plan;
        Microsoft.FSharp.Core.FSharpOption<Replay>? replay;
        try
        {
            (plan, replay) = Prepare(method, settings);
        }
        catch (PropertyDefinitionException e)
        {
            return new PropertyResult(PropertyOutcome.Invalid, FailureReport.Invalid(method, e.Message));
        }

        var discards = new DiscardTally();
        var shrinking = false;
        var property = Prop.ForAll(Arbitrary(plan, settings), sample =>
        {
            if (cancellationToken.IsCancellationRequested) return true; // let FsCheck wind down; cancellation is rethrown below
            var verdict = SampleEvaluator.Evaluate(sample, target, settings);
            switch (verdict.Kind)
            {
                case SampleVerdictKind.Discarded:
                    if (!shrinking) discards.Add(verdict.Text);
                    return Prop.Discard<bool>();
                case SampleVerdictKind.Failed:
                    shrinking = true;
                    return false;
                default:
                    return true;
            }
        });

        var runner = new CapturingRunner();
        var config = Config.Quick
            .WithName(FailureReport.Name(method))
            .WithMaxTest(settings.Samples)
            .WithMaxRejected(settings.MaxDiscarded)
            .WithStartSize(settings.StartSize)
            .WithEndSize(settings.EndSize)
            .WithReplay(replay)
            .WithRunner(runner);
        Check.One(config, property);
        cancellationToken.ThrowIfCancellationRequested();
        return Summarize(runner.Result ?? throw new InvalidOperationException("FsCheck finished without a result."), method, target, settings, discards);
    }

    /// <summary>The same property for FsCheck's own runner (<c>Check.One</c>, <c>QuickCheckThrowOnFailure</c>): a failure throws with the engine's report.</summary>
    public static Property ToProperty(MethodInfo method, object? target, GradCheckSettings settings)
    {
        PropertyPlan plan;
        try
        {
            (plan, _) = Prepare(method, settings);
        }
        catch (PropertyDefinitionException e)
        {
            throw new ArgumentException(FailureReport.Invalid(method, e.Message), nameof(method));
        }

        return Prop.ForAll(Arbitrary(plan, settings), sample =>
        {
            var verdict = SampleEvaluator.Evaluate(sample, target, settings);
            return verdict.Kind switch
            {
                SampleVerdictKind.Discarded => Prop.Discard<bool>(),
                SampleVerdictKind.Failed => throw new SampleFailedException($"{sample.SizesText}{Environment.NewLine}{verdict.Text}", verdict.Exception),
                _ => true,
            };
        });
    }

    private static (PropertyPlan, Microsoft.FSharp.Core.FSharpOption<Replay>?) Prepare(MethodInfo method, GradCheckSettings settings)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        TestMethodShapes.Of(method);
        var plan = PropertyPlan.Of(method, settings);
        SizeBounds.Validate(settings, plan);
        return (plan, ReplaySetting.Parse(settings.Replay));
    }

    private static Arbitrary<Sample> Arbitrary(PropertyPlan plan, GradCheckSettings settings) =>
        Arb.From(SampleGenerator.For(plan, settings), sample => SampleShrinks.Of(sample, settings));

    private static PropertyResult Summarize(TestResult result, MethodInfo method, object? target, GradCheckSettings settings, DiscardTally discards)
    {
        switch (result)
        {
            case TestResult.Passed passed:
                return new PropertyResult(PropertyOutcome.Passed, FailureReport.Passed(method, passed.Item1.NumberOfTests, discards))
                {
                    PassedSamples = passed.Item1.NumberOfTests, DiscardedSamples = discards.Total, DiscardReasons = discards.ByReason,
                };
            case TestResult.Exhausted exhausted:
                return new PropertyResult(PropertyOutcome.Exhausted, FailureReport.Exhausted(method, exhausted.Item.NumberOfTests, discards))
                {
                    PassedSamples = exhausted.Item.NumberOfTests, DiscardedSamples = discards.Total, DiscardReasons = discards.ByReason,
                };
            case TestResult.Failed failed:
            {
                var original = (Sample)failed.Item2.Head;
                var shrunk = (Sample)failed.Item3.Head;
                // The verdict is deterministic in the sample (the engine seed is part of it): evaluate once more for the text.
                var verdict = SampleEvaluator.Evaluate(shrunk, target, settings);
                var replay = ReplaySetting.Format(failed.Item6, failed.Item7);
                var passedSamples = failed.Item1.NumberOfTests - 1;
                var message = FailureReport.Failed(original, shrunk, verdict, passedSamples, failed.Item1.NumberOfShrinks, discards, replay);
                return new PropertyResult(PropertyOutcome.Failed, message)
                {
                    PassedSamples = passedSamples, DiscardedSamples = discards.Total, DiscardReasons = discards.ByReason,
                    Shrinks = failed.Item1.NumberOfShrinks, ShrunkSizes = shrunk.SizesBySymbol, OriginalSizes = original.SizesBySymbol,
                    Check = verdict.Check, Exception = verdict.Exception, Replay = replay,
                };
            }
            default:
                throw new InvalidOperationException($"Unexpected FsCheck result {result}.");
        }
    }
}
