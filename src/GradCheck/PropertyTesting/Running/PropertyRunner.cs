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
    public static PropertyResult Run(MethodInfo method, object? target, PropertyOptions options)
    {
        PropertyPlan plan;
        Microsoft.FSharp.Core.FSharpOption<Replay>? replay;
        try
        {
            (plan, replay) = Prepare(method, options);
        }
        catch (PropertyDefinitionException e)
        {
            return new PropertyResult(PropertyVerdict.Invalid, PropertyReport.Invalid(method, e.Message));
        }

        var discards = new DiscardTally();
        var shrinking = false;
        var property = Prop.ForAll(Arbitrary(plan, options), sample =>
        {
            if (options.CancellationToken.IsCancellationRequested) return true; // let FsCheck wind down; cancellation is rethrown below
            var verdict = SampleEvaluator.Evaluate(sample, target, options);
            switch (verdict.Kind)
            {
                case SampleVerdict.Discarded:
                    if (!shrinking) discards.Add(verdict.Text);
                    return Prop.Discard<bool>();
                case SampleVerdict.Failed:
                    shrinking = true;
                    return false;
                default:
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
        return Summarize(runner.Result ?? throw new InvalidOperationException("FsCheck finished without a result."), method, target, options, discards);
    }

    /// <summary>The same property for FsCheck's own runner (<c>Check.One</c>, <c>QuickCheckThrowOnFailure</c>): a failure throws with the engine's
    /// report.</summary>
    public static Property ToProperty(MethodInfo method, object? target, PropertyOptions options)
    {
        PropertyPlan plan;
        try
        {
            (plan, _) = Prepare(method, options);
        }
        catch (PropertyDefinitionException e)
        {
            throw new ArgumentException(PropertyReport.Invalid(method, e.Message), nameof(method));
        }

        return Prop.ForAll(Arbitrary(plan, options), sample =>
        {
            var verdict = SampleEvaluator.Evaluate(sample, target, options);
            return verdict.Kind switch
            {
                SampleVerdict.Discarded => Prop.Discard<bool>(),
                SampleVerdict.Failed => throw new SampleFailedException($"{sample.SizesText}{Environment.NewLine}{verdict.Text}", verdict.Exception),
                _ => true,
            };
        });
    }

    private static (PropertyPlan, Microsoft.FSharp.Core.FSharpOption<Replay>?) Prepare(MethodInfo method, PropertyOptions options)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var plan = PropertyPlan.Read(method, options);
        SizeBounds.Validate(options, plan);
        return (plan, ReplaySetting.Parse(options.Replay));
    }

    private static Arbitrary<Sample> Arbitrary(PropertyPlan plan, PropertyOptions options) =>
        Arb.From(SampleGenerator.For(plan, options), sample => SampleShrinker.Candidates(sample, options));

    private static PropertyResult Summarize(TestResult result, MethodInfo method, object? target, PropertyOptions options, DiscardTally discards)
    {
        switch (result)
        {
            case TestResult.Passed passed:
                return new PropertyResult(PropertyVerdict.Passed, PropertyReport.Passed(method, passed.Item1.NumberOfTests, discards))
                {
                    PassedSamples = passed.Item1.NumberOfTests, DiscardedSamples = discards.Total, DiscardReasons = discards.ByReason,
                };
            case TestResult.Exhausted exhausted:
                return new PropertyResult(PropertyVerdict.Exhausted, PropertyReport.Exhausted(method, exhausted.Item.NumberOfTests, discards))
                {
                    PassedSamples = exhausted.Item.NumberOfTests, DiscardedSamples = discards.Total, DiscardReasons = discards.ByReason,
                };
            case TestResult.Failed failed:
            {
                var original = (Sample)failed.Item2.Head;
                var shrunk = (Sample)failed.Item3.Head;
                // The verdict is deterministic in the sample (the engine seed is part of it): evaluate once more for the text.
                var verdict = SampleEvaluator.Evaluate(shrunk, target, options);
                var replay = ReplaySetting.Format(failed.Item6, failed.Item7);
                var passedSamples = failed.Item1.NumberOfTests - 1;
                var message = PropertyReport.Failed(original, shrunk, verdict, passedSamples, failed.Item1.NumberOfShrinks, discards, replay);
                return new PropertyResult(PropertyVerdict.Failed, message)
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
