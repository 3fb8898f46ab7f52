namespace GradCheck;

/// <summary>The verdict of a gradient property over all its samples.</summary>
public enum PropertyVerdict
{
    /// <summary>Every sample passed (samples at a kink were discarded, not counted).</summary>
    Passed,

    /// <summary>A sample failed; <see cref="PropertyResult"/> holds the shrunk failure.</summary>
    Failed,

    /// <summary>Too many samples were discarded before enough passed.</summary>
    Exhausted,

    /// <summary>The test method or the options cannot be run as a property (an ungeneratable parameter, a bad [Shape], …).</summary>
    Invalid,
}
