namespace GradCheck;

/// <summary>The overall verdict of a check.</summary>
public enum Verdict
{
    /// <summary>Every analytic gradient agrees with the finite differences.</summary>
    Passed,

    /// <summary>At least one analytic gradient is wrong.</summary>
    Failed,

    /// <summary>Nothing is wrong, but some elements sit on a kink where the function has no derivative.</summary>
    NonDifferentiable,

    /// <summary>The check could not be carried out; <see cref="CheckResult.Fault"/> names the culprit.</summary>
    Invalid,
}
