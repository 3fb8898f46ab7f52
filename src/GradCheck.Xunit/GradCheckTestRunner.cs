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
        // OperationCanceledException passes through unwrapped: xUnit reports cancellation and timeouts itself.
        return await PropertyInvocation.RunAsync(ctxt.Test.TestMethod.Method, testClassInstance, ctxt.Test.TestCase.Timeout,
            TestTimeoutException.ForTimedOutTest, output is null ? null : output.WriteLine, ctxt.CancellationTokenSource.Token);
    }
}
