namespace GradCheck;

/// <summary>How many finite differences a check spends.</summary>
public enum CheckMode
{
    /// <summary>
    /// Signed random directional probes per input (a few forward passes each, whatever the input's size); on a
    /// mismatch, localise the wrong elements with block probes and a sample of element-wise checks.
    /// </summary>
    Default,

    /// <summary>Every element of every differentiated input, two forward passes each: the exhaustive check.</summary>
    Full,
}
