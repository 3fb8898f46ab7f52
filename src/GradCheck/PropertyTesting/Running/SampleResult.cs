namespace GradCheck;

/// <summary>What one sample showed: passed, discarded (with the reason counted), or failed (with the text to print).</summary>
internal sealed record SampleResult(SampleVerdict Kind, string Text, CheckResult? Check = null, Exception? Exception = null)
{
    public static SampleResult Pass { get; } = new(SampleVerdict.Passed, "");

    public static SampleResult Discard(string reason) => new(SampleVerdict.Discarded, reason);

    public static SampleResult Fail(string text, CheckResult? check = null, Exception? exception = null) =>
        new(SampleVerdict.Failed, text, check, exception);
}

/// <summary>The kinds of <see cref="SampleResult"/>.</summary>
internal enum SampleVerdict
{
    Passed,
    Discarded,
    Failed,
}
