namespace GradCheck;

/// <summary>The verdict on one element or one directional probe.</summary>
public enum Outcome
{
    /// <summary>Analytic and numeric agree within the tolerance.</summary>
    Passed,

    /// <summary>They disagree by more than the tolerance: the analytic gradient is wrong here.</summary>
    Failed,

    /// <summary>The function has a kink here (one-sided quotients disagree) and the analytic value is one of its one-sided slopes.</summary>
    NonDifferentiable,
}
