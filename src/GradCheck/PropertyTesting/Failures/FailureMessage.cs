namespace GradCheck;

/// <summary>
/// Turns a failed <see cref="PropertyResult"/> into what a test runner shows: the report with the test's source
/// location under its headline and, in GitHub Actions, a workflow annotation as the first line.
/// </summary>
internal static class FailureMessage
{
    // Enough for the headline, the sizes and arguments, the engine's verdict and each input's line: the tables stay in the log.
    private const int SummaryLines = 12;

    /// <summary>Composes the failure text.</summary>
    /// <param name="report">The property's failure message (<see cref="PropertyResult.Message"/>).</param>
    /// <param name="testName">The test as <c>Class.Method</c>.</param>
    /// <param name="location">Where the test is; the location line and the annotation's file are left out when null.</param>
    /// <param name="environment">Reads an environment variable (pass <see cref="Environment.GetEnvironmentVariable(string)"/>);
    /// taken as a parameter so the annotation can be tested without touching the process environment.</param>
    public static FailureText Compose(string report, string testName, SourceLocation? location, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(testName);
        ArgumentNullException.ThrowIfNull(environment);
        var lines = report.ReplaceLineEndings("\n").Split('\n');
        var message = location is null
            ? report
            : string.Join(Environment.NewLine, [lines[0], $"  at {testName} ({location.ToString(environment)})", .. lines[1..]]);
        if (!GitHubAnnotation.IsActive(environment)) return new FailureText(message, null);

        var annotation = GitHubAnnotation.Error(location?.RelativePath(environment), location?.Line, $"GradCheck {testName}", Summary(lines));
        return new FailureText(annotation + Environment.NewLine + message, annotation);
    }

    // The report's unindented lines (indented ones are tables and heatmaps, unreadable in an annotation).
    private static string Summary(string[] lines) =>
        string.Join("\n", lines.Where(line => line.Length > 0 && !char.IsWhiteSpace(line[0])).Take(SummaryLines));
}
