using System.Diagnostics;
using System.Reflection;

namespace GradCheck;

/// <summary>
/// Runs a [GradCheck] method for a test runner: reads the attribute, runs the property off the runner's thread so a
/// timeout can end the wait, and throws the failure text. Shared by the xUnit v3 and v2 adapters.
/// </summary>
internal static class PropertyInvocation
{
    /// <param name="method">The test method.</param>
    /// <param name="instance">The test class instance, null for a static method.</param>
    /// <param name="timeout">Milliseconds; 0 for none.</param>
    /// <param name="timedOut">The runner's own timeout exception for a given timeout.</param>
    /// <param name="output">Where the passing summary goes.</param>
    /// <param name="cancellationToken">The run's cancellation.</param>
    public static async Task<TimeSpan> RunAsync(MethodInfo method, object? instance, int timeout, Func<int, Exception> timedOut,
        Action<string>? output, CancellationToken cancellationToken)
    {
        var attribute = method.GetCustomAttribute<GradCheckAttribute>(inherit: true)
            ?? throw new InvalidOperationException($"'{method.Name}' has no [GradCheck] attribute.");
        var stopwatch = Stopwatch.StartNew();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var run = Task.Run(() => GradCheckProperty.Check(method, instance, attribute.ToSettings(), cancellation.Token), cancellation.Token);
        PropertyResult result;
        try
        {
            result = timeout > 0 ? await run.WaitAsync(TimeSpan.FromMilliseconds(timeout), cancellationToken) : await run;
        }
        catch (TimeoutException)
        {
            await cancellation.CancelAsync();
            throw timedOut(timeout);
        }

        if (!result.Passed) throw new GradCheckPropertyException(result);
        if (!attribute.QuietOnSuccess) output?.Invoke(result.Message);
        return stopwatch.Elapsed;
    }
}
