using System.Reflection;
using System.Text;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace GradCheck;

/// <summary>
/// xUnit v2's test runner, invoking through <see cref="GradCheckTestInvoker"/>; a passing property's summary (with its
/// statistics when Verbose) becomes the test's output, as v3's test output helper makes it there.
/// </summary>
internal sealed class GradCheckTestRunner(ITest test, IMessageBus messageBus, Type testClass, object[] constructorArguments, MethodInfo testMethod,
    object[] testMethodArguments, string skipReason, IReadOnlyList<BeforeAfterTestAttribute> beforeAfterAttributes, ExceptionAggregator aggregator,
    CancellationTokenSource cancellationTokenSource)
    : XunitTestRunner(test, messageBus, testClass, constructorArguments, testMethod, testMethodArguments, skipReason, beforeAfterAttributes, aggregator,
        cancellationTokenSource)
{
    private readonly StringBuilder summary = new();

    protected override async Task<Tuple<decimal, string>> InvokeTestAsync(ExceptionAggregator aggregator)
    {
        var (time, output) = await base.InvokeTestAsync(aggregator);
        return Tuple.Create(time, output + summary);
    }

    protected override Task<decimal> InvokeTestMethodAsync(ExceptionAggregator aggregator) =>
        new GradCheckTestInvoker(Test, MessageBus, TestClass, ConstructorArguments, TestMethod, TestMethodArguments, BeforeAfterAttributes, aggregator,
            CancellationTokenSource, line => summary.AppendLine(line)).RunAsync();
}
