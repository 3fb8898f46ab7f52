namespace GradCheck;

/// <summary>A failed property's text for a test runner: the message to fail with, and the CI annotation when there is one.</summary>
/// <param name="Message">The failure message: the report with an <c>at Class.Method (file:line)</c> line under its headline,
/// preceded by <see cref="Annotation"/> when that is set (so it starts a line in the runner's console).</param>
/// <param name="Annotation">The GitHub <c>::error</c> command; null outside GitHub Actions.</param>
public sealed record FailureText(string Message, string? Annotation);
