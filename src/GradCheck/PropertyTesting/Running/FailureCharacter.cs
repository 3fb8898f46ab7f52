namespace GradCheck;

/// <summary>
/// What kind of failure a sample showed, as far as shrinking must keep it: for a wrong gradient, which inputs are wrong
/// and the kind of diagnosis of each (none being a kind); for a fault, its kind and culprit; for an exception, its type.
/// A shrink step is taken only onto a sample with the same character, so the shrunk report describes the same bug.
/// </summary>
internal sealed record FailureCharacter(string Description)
{
    public static FailureCharacter Of(SampleResult result)
    {
        if (result.Check is { Verdict: Verdict.Failed } check)
            return new FailureCharacter("wrong gradient of " + string.Join(", ", check.Inputs.Where(i => i.Verdict == Verdict.Failed)
                .OrderBy(i => i.Name, StringComparer.Ordinal)
                .Select(i => $"'{i.Name}' ({(i.Diagnosis is { } d ? d.Kind.ToString() : "no diagnosis")})")));
        if (result.Check?.Fault is { } fault) return new FailureCharacter($"fault {fault.Kind} of '{fault.InputName}'");
        if (result.Exception is { } exception) return new FailureCharacter($"exception {exception.GetType().FullName}");
        return new FailureCharacter(result.Text);
    }

    /// <summary>
    /// Whether a failing check touched a kink: an input judged non-differentiable, or kink elements among those checked.
    /// Diagnoses read there describe the kink, not the bug.
    /// </summary>
    public static bool OnKink(SampleResult result) =>
        result.Check?.Inputs.Any(i => i.Verdict == Verdict.NonDifferentiable || i.NonDifferentiableElementCount > 0) == true;

    public override string ToString() => Description;
}
