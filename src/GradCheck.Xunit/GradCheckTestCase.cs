using Xunit.Sdk;
using Xunit.v3;

namespace GradCheck;

/// <summary>
/// A [GradCheck] test: an ordinary xUnit test case (display name, skip, timeout, traits, serialisation for
/// <c>--filter</c>) that runs itself, because its arguments are drawn by FsCheck rather than supplied by xUnit.
/// The attribute's settings are read from the method when it runs, so nothing extra needs serialising.
/// </summary>
public sealed class GradCheckTestCase : XunitTestCase, ISelfExecutingXunitTestCase
{
    /// <summary>For deserialisation only.</summary>
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public GradCheckTestCase() { }

    /// <summary>Creates the test case with the details xUnit read from the attribute.</summary>
#pragma warning disable CS1591 // the parameters are XunitTestCase's own
    public GradCheckTestCase(IXunitTestMethod testMethod, string displayName, string uniqueId, bool isExplicit, Type[]? skipExceptions,
        string? skipReason, Type? skipType, string? skipUnless, string? skipWhen, Dictionary<string, HashSet<string>>? traits,
        string? sourceFilePath, int? sourceLineNumber, int? timeout)
        : base(testMethod, displayName, uniqueId, isExplicit, skipExceptions, skipReason, skipType, skipUnless, skipWhen, traits,
            null, sourceFilePath, sourceLineNumber, timeout)
#pragma warning restore CS1591
    {
    }

    /// <inheritdoc/>
    public async ValueTask<RunSummary> Run(ExplicitOption explicitOption, IMessageBus messageBus, object?[] constructorArguments,
        ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource, ParallelMode parallelMode,
        ExecutionScheduler scheduler, FixtureMappingManager fixtureMappings)
    {
        var tests = await aggregator.RunAsync(CreateTests, []);
        return await GradCheckTestCaseRunner.Instance.Run(this, tests, messageBus, aggregator, cancellationTokenSource, parallelMode,
            scheduler, TestCaseDisplayName, SkipReason, explicitOption, constructorArguments, fixtureMappings);
    }
}
