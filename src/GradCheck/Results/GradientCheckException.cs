namespace GradCheck;

/// <summary>Thrown by the assertion forms of <see cref="GradientCheck"/>; its message is the full report.</summary>
public sealed class GradientCheckException : Exception
{
    /// <summary>Creates the exception for a failed or invalid check.</summary>
    public GradientCheckException(CheckResult result)
        : base(result.Report, result.Fault?.Exception) => Result = result;

    /// <summary>The result behind the failure.</summary>
    public CheckResult Result { get; }
}
