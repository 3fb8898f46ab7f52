namespace GradCheck;

/// <summary>How many finite differences a check spends.</summary>
public enum CheckMode
{
    /// <summary>
    /// Signed random directional probes per input (a few forward passes each, whatever the input's size); on a
    /// mismatch, localise the wrong elements with block probes and a sample of element-wise checks.
    /// </summary>
    Default,

    /// <summary>
    /// Every element of every differentiated input, two forward passes each: the exhaustive check. On a matrix output, the
    /// elements that reach different output rows (a column of x in x·W) or columns (a row of W) share their forward passes,
    /// each reading its own row or column; that structure is verified first, and elements go one at a time where it fails.
    /// </summary>
    Full,
}
