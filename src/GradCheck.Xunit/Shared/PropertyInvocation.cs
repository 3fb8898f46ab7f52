using System.Diagnostics;
using System.Reflection;
using Xunit.Sdk;

namespace GradCheck;

/// <summary>
/// Runs a [GradCheck] method for a test runner: reads the attribute, runs the property off the runner's thread so a
/// timeout can end the wait, and throws the failure text. Shared by the xUnit v3 and v2 adapters.
/// </summary>
internal static class PropertyInvocation
{
    /// <param name="method">The test method.</param>
    /// <param name="location">Where the runner says the test is; read from the PDB when null.</param>
    /// <param name="instance">The test class instance, null for a static method.</param>
    /// <param name="timeout">Milliseconds; 0 for none.</param>
    /// <param name="timedOut">The runner's own timeout exception for a given timeout.</param>
    /// <param name="output">Where the passing summary goes.</param>
    /// <param name="cancellationToken">The run's cancellation.</param>
    public static async Task<TimeSpan> RunAsync(MethodInfo method, SourceLocation? location, object? instance, int timeout, Func<int, Exception> timedOut,
        Action<string>? output, CancellationToken cancellationToken)
    {
        var attribute = method.GetCustomAttribute<GradCheckAttribute>(inherit: true)
            ?? throw new InvalidOperationException($"'{method.Name}' has no [GradCheck] attribute.");
        var stopwatch = Stopwatch.StartNew();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var options = attribute.ToOptions() with { CancellationToken = cancellation.Token };
        var run = Task.Run(() => GradientProperty.Run(method, instance, options), cancellation.Token);
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

        if (!result.Passed) throw Failure(method, location, result);
        if (!attribute.QuietOnSuccess) output?.Invoke(result.Message);
        return stopwatch.Elapsed;
    }

    // The annotation goes to the console too: a runner may not print failure messages where the CI log sees them.
    private static GradCheckFailure Failure(MethodInfo method, SourceLocation? location, PropertyResult result)
    {
        var text = result.ToFailureText($"{method.DeclaringType?.Name}.{method.Name}", location ?? SourceLocation.FromDebugSymbols(method));
        if (text.Annotation is not null) Console.Out.WriteLine(text.Annotation);
        return new GradCheckFailure(result, text.Message);
    }
}
