namespace GradCheck;

/// <summary>
/// The outcome of a gradient property: how many samples passed or were discarded (and why), and for a failure the
/// shrunk sizes, the engine's report on the shrunk sample and the replay string.
/// </summary>
public sealed class PropertyResult
{
    internal PropertyResult(PropertyOutcome outcome, string message)
    {
        Outcome = outcome;
        Message = message;
    }

    /// <summary>The verdict.</summary>
    public PropertyOutcome Outcome { get; }

    /// <summary>Whether the property held.</summary>
    public bool Passed => Outcome == PropertyOutcome.Passed;

    /// <summary>Samples that passed (before the failing one, when it failed).</summary>
    public int PassedSamples { get; internal init; }

    /// <summary>Samples discarded while generating, in total.</summary>
    public int DiscardedSamples { get; internal init; }

    /// <summary>Discarded samples by reason, such as "on a kink of 'x'".</summary>
    public IReadOnlyDictionary<string, int> DiscardReasons { get; internal init; } = new Dictionary<string, int>();

    /// <summary>How many shrink steps FsCheck took from the first failing sample.</summary>
    public int Shrinks { get; internal init; }

    /// <summary>The size bound to each symbol in the shrunk failing sample; empty unless it failed.</summary>
    public IReadOnlyDictionary<string, int> ShrunkSizes { get; internal init; } = new Dictionary<string, int>();

    /// <summary>The size bound to each symbol in the first failing sample, before shrinking.</summary>
    public IReadOnlyDictionary<string, int> OriginalSizes { get; internal init; } = new Dictionary<string, int>();

    /// <summary>The engine's result on the shrunk failing sample, when the failure came from a check.</summary>
    public CheckResult? Check { get; internal init; }

    /// <summary>The user's exception behind the failure, when the test method (or a pass) threw.</summary>
    public Exception? Exception { get; internal init; }

    /// <summary>The value for <see cref="GradCheckSettings.Replay"/> (and <c>[GradCheck(Replay = …)]</c>) that replays the failure.</summary>
    public string? Replay { get; internal init; }

    /// <summary>The full text: a summary on success, the shrunk failure with report and replay setting otherwise.</summary>
    public string Message { get; }

    /// <summary>The message.</summary>
    public override string ToString() => Message;
}
