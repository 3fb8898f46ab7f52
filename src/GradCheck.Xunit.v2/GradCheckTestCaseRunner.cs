using Xunit.Sdk;

namespace GradCheck;

/// <summary>xUnit v2's test-case runner, running the test with <see cref="GradCheckTestRunner"/>.</summary>
internal sealed class GradCheckTestCaseRunner(IXunitTestCase testCase, string displayName, string skipReason, object[] constructorArguments,
    IMessageBus messageBus, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
    : XunitTestCaseRunner(testCase, displayName, skipReason, constructorArguments, [], messageBus, aggregator, cancellationTokenSource)
{
    protected override Task<RunSummary> RunTestAsync() =>
        new GradCheckTestRunner(new XunitTest(TestCase, DisplayName), MessageBus, TestClass, ConstructorArguments, TestMethod, TestMethodArguments,
            SkipReason, BeforeAfterAttributes, new ExceptionAggregator(Aggregator), CancellationTokenSource).RunAsync();
}
