using Xunit.Abstractions;
using Xunit.Sdk;

namespace GradCheck;

/// <summary>Turns a [GradCheck] method into one <see cref="GradCheckTestCase"/> (the samples are drawn when it runs).</summary>
/// <param name="diagnosticMessageSink">xUnit's diagnostics.</param>
public sealed class GradCheckDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    /// <inheritdoc/>
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        [new GradCheckTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod)];
}
