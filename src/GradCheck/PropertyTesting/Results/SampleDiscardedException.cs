namespace GradCheck;

/// <summary>
/// Thrown by <see cref="Sample.Discard"/> and <see cref="Sample.Require"/>: a gradient property's runner catches it and
/// discards the sample. Outside a property (a plain test calling them) it fails the test with its message.
/// </summary>
public sealed class SampleDiscardedException : Exception
{
    internal SampleDiscardedException(string reason)
        : base($"Sample discarded: {reason}. Only a [GradCheck] property or GradientProperty.Run catches this; elsewhere it fails the test.") =>
        Reason = reason;

    /// <summary>Why the sample was discarded, as given.</summary>
    public string Reason { get; }
}
