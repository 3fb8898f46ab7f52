namespace GradCheck;

/// <summary>
/// The outcome of a gradient property: how many samples passed or were discarded (and why), and for a failure the
/// shrunk sizes, the engine's report on the shrunk sample and the replay string.
/// </summary>
public sealed class PropertyResult
{
    internal PropertyResult(PropertyVerdict verdict, string message)
    {
        Verdict = verdict;
        Message = message;
    }

    /// <summary>The verdict.</summary>
    public PropertyVerdict Verdict { get; }

    /// <summary>Whether the property held.</summary>
    public bool Passed => Verdict == PropertyVerdict.Passed;

    /// <summary>Samples that passed (before the failing one, when it failed).</summary>
    public int PassedSamples { get; internal init; }

    /// <summary>Samples discarded while generating, in total.</summary>
    public int DiscardedSamples { get; internal init; }

    /// <summary>
    /// Discarded samples by reason: "on a kink of 'x'", "a derived size below 1 (L-K+1 &lt; 1)", "not meeting
    /// [Require("L >= K")]", "by the test: …" (from <see cref="Sample.Require"/> or <see cref="Sample.Discard"/>).
    /// </summary>
    public IReadOnlyDictionary<string, int> DiscardReasons { get; internal init; } = new Dictionary<string, int>();

    /// <summary>
    /// What was drawn over the checked samples: the sizes of each dim and how often, the range of each parameter's values.
    /// The report prints it on failure, and on success with <see cref="PropertyOptions.Verbose"/>. Empty for an invalid property.
    /// </summary>
    public PropertyStatistics Statistics { get; internal init; } = new(0, [], []);

    /// <summary>How many shrink steps FsCheck took from the first failing sample.</summary>
    public int Shrinks { get; internal init; }

    /// <summary>The size bound to each symbol in the shrunk failing sample; empty unless it failed.</summary>
    public IReadOnlyDictionary<string, int> ShrunkSizes { get; internal init; } = new Dictionary<string, int>();

    /// <summary>The size bound to each symbol in the first failing sample, before shrinking.</summary>
    public IReadOnlyDictionary<string, int> OriginalSizes { get; internal init; } = new Dictionary<string, int>();

    /// <summary>The engine's result on the shrunk failing sample, when the failure came from a check.</summary>
    public CheckResult? Check { get; internal init; }

    /// <summary>
    /// The engine's result on the first failing sample, before shrinking. Shrinking keeps the wrong inputs and the kind of
    /// each diagnosis; the report gives both diagnoses when their details differ.
    /// </summary>
    public CheckResult? OriginalCheck { get; internal init; }

    /// <summary>The user's exception behind the failure, when the test method (or a pass) threw.</summary>
    public Exception? Exception { get; internal init; }

    /// <summary>The value for <see cref="PropertyOptions.Replay"/> (and <c>[GradCheck(Replay = …)]</c>) that replays the failure.</summary>
    public string? Replay { get; internal init; }

    /// <summary>The full text: a summary on success, the shrunk failure with report and replay setting otherwise.</summary>
    public string Message { get; }

    /// <summary>
    /// What a test runner fails with: <see cref="Message"/> with an <c>at Class.Method (file:line)</c> line under its
    /// headline and, in GitHub Actions (<c>GITHUB_ACTIONS=true</c>), a workflow <c>::error</c> annotation as its first line.
    /// </summary>
    /// <param name="testName">The test as <c>Class.Method</c>.</param>
    /// <param name="location">Where the test is; the location line is left out when null.</param>
    public FailureText ToFailureText(string testName, SourceLocation? location) =>
        FailureMessage.Compose(Message, testName, location, Environment.GetEnvironmentVariable);

    /// <summary>The message.</summary>
    public override string ToString() => Message;
}
