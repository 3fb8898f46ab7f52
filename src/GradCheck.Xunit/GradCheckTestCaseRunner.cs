using Xunit.v3;

namespace GradCheck;

/// <summary>xUnit's test-case runner, running each test with <see cref="GradCheckTestRunner"/>.</summary>
internal sealed class GradCheckTestCaseRunner : XunitTestCaseRunner
{
    public static new GradCheckTestCaseRunner Instance { get; } = new();

    protected override ValueTask<RunSummary> RunTest(XunitTestCaseRunnerContext ctxt, IXunitTest test) =>
        GradCheckTestRunner.Instance.Run(test, ctxt.MessageBus, ctxt.ConstructorArguments, ctxt.ExplicitOption, ctxt.Aggregator.Clone(),
            ctxt.CancellationTokenSource, ctxt.ParallelMode, ctxt.Scheduler, ctxt.BeforeAfterTestAttributes, ctxt.CaseFixtureMappings);
}
