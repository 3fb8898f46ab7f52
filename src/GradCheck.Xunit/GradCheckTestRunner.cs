using Xunit;
using Xunit.Sdk;
using Xunit.v3;

namespace GradCheck;

/// <summary>
/// xUnit's test runner with the invocation replaced: instead of calling the method once with xUnit's arguments, it
/// runs the property (which calls it once per sample). Class construction, disposal and before/after attributes stay
/// xUnit's.
/// </summary>
internal sealed class GradCheckTestRunner : XunitTestRunner
{
    public static new GradCheckTestRunner Instance { get; } = new();

    protected override async ValueTask<TimeSpan> InvokeTest(XunitTestRunnerContext ctxt, object? testClassInstance)
    {
        var output = TestContext.Current.TestOutputHelper;
        // xUnit v3 applies Timeout around InvokeTest itself and then cancels the test's token, which stops the samples;
        // OperationCanceledException passes through unwrapped, so cancellation and timeouts read as such.
        return await PropertyInvocation.RunAsync(ctxt.Test.TestMethod.Method, testClassInstance, timeout: 0,
            TestTimeoutException.ForTimedOutTest, output is null ? null : output.WriteLine, TestContext.Current.CancellationToken);
    }
}
