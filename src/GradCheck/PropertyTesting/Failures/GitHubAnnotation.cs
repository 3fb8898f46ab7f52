using System.Globalization;

namespace GradCheck;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=…,line=…,title=…::message</c>), which GitHub turns into
/// annotations shown inline on a pull request when the line reaches the job's log.
/// </summary>
internal static class GitHubAnnotation
{
    /// <summary>Whether the process runs in GitHub Actions (<c>GITHUB_ACTIONS</c> is <c>true</c>).</summary>
    /// <param name="environment">Reads an environment variable (pass <see cref="Environment.GetEnvironmentVariable(string)"/>).</param>
    public static bool IsActive(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return string.Equals(environment("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>An <c>::error</c> command, with the properties and the message escaped.</summary>
    /// <param name="file">The file, relative to the repository; omitted when null.</param>
    /// <param name="line">The 1-based line; omitted when null.</param>
    /// <param name="title">The annotation's title.</param>
    /// <param name="message">The annotation's text; may span lines.</param>
    public static string Error(string? file, int? line, string title, string message)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(message);
        var properties = new List<string>();
        if (file is not null) properties.Add($"file={EscapeProperty(file)}");
        if (line is not null) properties.Add($"line={line.Value.ToString(CultureInfo.InvariantCulture)}");
        properties.Add($"title={EscapeProperty(title)}");
        return $"::error {string.Join(",", properties)}::{EscapeData(message)}";
    }

    /// <summary>Escapes a command's message: <c>%</c>, carriage return and line feed.</summary>
    /// <param name="value">The raw text.</param>
    public static string EscapeData(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        // % first, so the escapes added next are not escaped again.
        return value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);
    }

    /// <summary>Escapes a command's property value: as <see cref="EscapeData"/>, and also <c>:</c> and <c>,</c>, which end a property.</summary>
    /// <param name="value">The raw text.</param>
    public static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
