using Xunit.Sdk;
using Xunit.v3;

namespace GradCheck;

/// <summary>Turns a [GradCheck] method into one <see cref="GradCheckTestCase"/> (the samples are drawn when it runs).</summary>
public sealed class GradCheckDiscoverer : IXunitTestCaseDiscoverer
{
    /// <inheritdoc/>
    public ValueTask<IReadOnlyCollection<IXunitTestCase>> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions, IXunitTestMethod testMethod, IFactAttribute factAttribute)
    {
        var (displayName, isExplicit, skipExceptions, skipReason, skipType, skipUnless, skipWhen,
            sourceFilePath, sourceLineNumber, timeout, uniqueId, resolvedMethod) =
            TestIntrospectionHelper.GetTestCaseDetails(discoveryOptions, testMethod, factAttribute);
        var traits = TestIntrospectionHelper.GetTraits(resolvedMethod, null);
        IXunitTestCase testCase = new GradCheckTestCase(resolvedMethod, displayName, uniqueId, isExplicit, skipExceptions, skipReason,
            skipType, skipUnless, skipWhen, traits, sourceFilePath, sourceLineNumber, timeout);
        return new([testCase]);
    }
}
