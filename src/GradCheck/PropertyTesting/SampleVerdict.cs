namespace GradCheck;

/// <summary>What one sample showed: passed, discarded (with the reason counted), or failed (with the text to print).</summary>
internal sealed record SampleVerdict(SampleVerdictKind Kind, string Text, CheckResult? Check = null, Exception? Exception = null)
{
    public static SampleVerdict Pass { get; } = new(SampleVerdictKind.Passed, "");

    public static SampleVerdict Discard(string reason) => new(SampleVerdictKind.Discarded, reason);

    public static SampleVerdict Fail(string text, CheckResult? check = null, Exception? exception = null) =>
        new(SampleVerdictKind.Failed, text, check, exception);
}

/// <summary>The kinds of <see cref="SampleVerdict"/>.</summary>
internal enum SampleVerdictKind
{
    Passed,
    Discarded,
    Failed,
}
