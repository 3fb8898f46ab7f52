using Xunit.Abstractions;
using Xunit.Sdk;

namespace GradCheck;

/// <summary>A [GradCheck] test: an ordinary xUnit v2 test case whose invocation runs the property instead of the method once.</summary>
public sealed class GradCheckTestCase : XunitTestCase
{
    /// <summary>For deserialisation only.</summary>
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public GradCheckTestCase() { }

    /// <summary>Creates the test case.</summary>
    /// <param name="diagnosticMessageSink">xUnit's diagnostics.</param>
    /// <param name="methodDisplay">How names are displayed.</param>
    /// <param name="methodDisplayOptions">How names are displayed.</param>
    /// <param name="testMethod">The [GradCheck] method.</param>
    public GradCheckTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay methodDisplay, TestMethodDisplayOptions methodDisplayOptions,
        ITestMethod testMethod)
        : base(diagnosticMessageSink, methodDisplay, methodDisplayOptions, testMethod) { }

    /// <inheritdoc/>
    public override Task<RunSummary> RunAsync(IMessageSink diagnosticMessageSink, IMessageBus messageBus, object[] constructorArguments,
        ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource) =>
        new GradCheckTestCaseRunner(this, DisplayName, SkipReason, constructorArguments, messageBus, aggregator, cancellationTokenSource).RunAsync();
}
