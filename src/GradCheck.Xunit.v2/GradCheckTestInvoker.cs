using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace GradCheck;

/// <summary>
/// xUnit v2's invoker with the call replaced: class construction, before/after attributes and disposal stay xUnit's;
/// instead of calling the method once, it runs the property (which calls it once per sample).
/// </summary>
internal sealed class GradCheckTestInvoker(ITest test, IMessageBus messageBus, Type testClass, object[] constructorArguments, MethodInfo testMethod,
    object[] testMethodArguments, IReadOnlyList<BeforeAfterTestAttribute> beforeAfterAttributes, ExceptionAggregator aggregator,
    CancellationTokenSource cancellationTokenSource, Action<string> output)
    : XunitTestInvoker(test, messageBus, testClass, constructorArguments, testMethod, testMethodArguments, beforeAfterAttributes, aggregator,
        cancellationTokenSource)
{
    // v2 has no source information inside the test process: the location comes from the PDB.
    protected override async Task<decimal> InvokeTestMethodAsync(object testClassInstance)
    {
        await Aggregator.RunAsync(() => Timer.AggregateAsync(() => PropertyInvocation.RunAsync(TestMethod, null, TestMethod.IsStatic ? null : testClassInstance,
            TestCase.Timeout, timeout => new TestTimeoutException(timeout), output, CancellationTokenSource.Token)));
        return Timer.Total;
    }
}
