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
        var testCase = ctxt.Test.TestCase;
        var location = testCase.SourceFilePath is { Length: > 0 } file && testCase.SourceLineNumber is > 0
            ? new SourceLocation(file, testCase.SourceLineNumber.Value)
            : null;
        return await PropertyInvocation.RunAsync(ctxt.Test.TestMethod.Method, location, testClassInstance, timeout: 0,
            TestTimeoutException.ForTimedOutTest, output is null ? null : output.WriteLine, TestContext.Current.CancellationToken);
    }
}
