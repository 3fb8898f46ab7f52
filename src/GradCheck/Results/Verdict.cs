namespace GradCheck;

/// <summary>The verdict on one element, one input, or a whole check.</summary>
public enum Verdict
{
    /// <summary>The analytic gradient agrees with the finite differences.</summary>
    Passed,

    /// <summary>The analytic gradient is wrong: it disagrees by more than the tolerance.</summary>
    Failed,

    /// <summary>
    /// Nothing is wrong, but the function has a kink here (ReLU at 0, a max tie): its one-sided slopes differ and the
    /// analytic value is one of them. Not counted as wrong.
    /// </summary>
    NonDifferentiable,

    /// <summary>The check could not be carried out (whole checks only); <see cref="CheckResult.Fault"/> names the culprit.</summary>
    Invalid,
}
