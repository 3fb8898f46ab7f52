namespace GradCheck.Xunit.Tests.Infrastructure;

/// <summary>Property options that stop with the running test (xUnit v3 cancels its token on a timeout or an abort).</summary>
internal static class Cancellable
{
    public static PropertyOptions Options(PropertyOptions? options = null) =>
        (options ?? PropertyOptions.Default) with { CancellationToken = TestContext.Current.CancellationToken };
}
