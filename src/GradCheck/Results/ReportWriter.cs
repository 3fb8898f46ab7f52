using System.Globalization;
using System.Text;

namespace GradCheck;

/// <summary>Writes a <see cref="CheckResult"/> as the text a developer reads in a failed test.</summary>
internal static class ReportWriter
{
    /// <param name="result">The result to write.</param>
    /// <param name="includeReplay">False where a caller prints its own way to replay (a [GradCheck] property replays the whole sample).</param>
    public static string Write(CheckResult result, bool includeReplay = true)
    {
        var text = new StringBuilder();
        var mode = result.Mode == CheckMode.Full ? "full" : "default";
        if (result.Fault is { } fault)
        {
            text.AppendLine(Invariant($"GradCheck: the gradient check could not run ({fault.Kind}; {mode} mode, seed {result.Seed})."));
            text.AppendLine(fault.Message);
            if (fault.Exception is { } exception)
                text.AppendLine(Invariant($"  {exception.GetType().FullName}: {exception.Message}"));
            return text.ToString().TrimEnd();
        }

        var failedInputs = result.Inputs.Count(i => i.Verdict == Verdict.Failed);
        var headline = result.Verdict switch
        {
            Verdict.Passed => "passed",
            Verdict.NonDifferentiable => "passed, with elements on a kink (no derivative there)",
            _ => $"FAILED: {failedInputs} of {result.Inputs.Count} differentiated input{(result.Inputs.Count == 1 ? "" : "s")} " +
                 $"{(failedInputs == 1 ? "has" : "have")} a wrong gradient",
        };
        text.AppendLine(Invariant($"GradCheck: gradient check {headline} ") +
                        Invariant($"({mode} mode, seed {result.Seed}, {result.ForwardEvaluations:N0} forward evaluations)."));

        foreach (var input in result.Inputs)
        {
            text.AppendLine();
            WriteInput(text, input);
        }

        if (!result.Passed && includeReplay)
        {
            text.AppendLine();
            text.AppendLine(Invariant($"Replay: CheckOptions {{ Seed = {result.Seed}{(result.Mode == CheckMode.Full ? ", Mode = CheckMode.Full" : "")} }}."));
        }

        return text.ToString().TrimEnd();
    }

    private static void WriteInput(StringBuilder text, InputResult input)
    {
        var kind = input.Kind == TensorKind.Scalar ? "scalar" : input.Shape + " " + input.Shape.KindName;
        if (input.Verdict == Verdict.Passed)
        {
            // A pass proves no more than its error bars could resolve: said where that is coarser than the tolerance.
            var resolution = input.Resolution > CoarseResolution
                ? Invariant($"; it could resolve errors down to {input.Resolution:0.0e+00} of the gradient's size only ") +
                  "(rounding limits finite differences here)"
                : "";
            text.AppendLine(Invariant($"Input '{input.Name}' ({kind}): passed ({Coverage(input)}){resolution}."));
            return;
        }

        if (input.Verdict == Verdict.NonDifferentiable)
        {
            text.AppendLine(Invariant($"Input '{input.Name}' ({kind}): {input.NonDifferentiableElementCount} element(s) on a kink, ") +
                           Invariant($"where one-sided slopes differ and the analytic value is one of them; not counted as wrong ({Coverage(input)})."));
        }
        else
        {
            var count = input.WrongElementCountIsEstimate
                ? Invariant($"about {input.WrongElementCount:N0} of {input.ElementCount:N0} elements wrong (estimated: {Coverage(input)})")
                : Invariant($"{input.WrongElementCount:N0} of {input.ElementCount:N0} elements wrong ({Coverage(input)})");
            text.AppendLine(Invariant($"Input '{input.Name}' ({kind}): {count}."));
        }

        if (input.WorstElements.Count > 0)
        {
            text.AppendLine(input.Verdict == Verdict.Failed ? "  worst elements:" : "  elements on a kink:");
            foreach (var element in input.WorstElements)
            {
                var position = input.Kind == TensorKind.Matrix ? Invariant($"[{element.Row}, {element.Column}]") : Invariant($"[{element.Row}]");
                text.AppendLine(Invariant(
                    $"    {position,-10} analytic {element.Analytic,13:+0.000000e+00;-0.000000e+00}   ") +
                    Invariant($"numeric {element.Numeric,13:+0.000000e+00;-0.000000e+00}   ") + Invariant(
                    $"abs error {element.AbsoluteError:0.00e+00}   rel error {element.RelativeError:0.00e+00}   tolerance {element.Tolerance:0.0e+00}"));
            }
        }
        else if (input.Verdict == Verdict.Failed)
        {
            text.AppendLine("  no single element could be singled out: the error shows only along whole directions.");
        }

        if (input.Verdict == Verdict.Failed && input.WorstElements.Count == 0) WriteDirections(text, input);

        if (input.Diagnosis is { } diagnosis) text.AppendLine(Invariant($"  diagnosis: {diagnosis}"));
        if (input.Heatmap is { } heatmap) text.AppendLine("  " + heatmap.ToString().Replace("\n", "\n  ", StringComparison.Ordinal));
        if (input.Confirmation is { } confirmation)
        {
            var element = input.WorstElements.FirstOrDefault();
            var along = element is null ? ""
                : input.Kind == TensorKind.Matrix ? Invariant($" along element [{element.Row}, {element.Column}]")
                : Invariant($" along element [{element.Row}]");
            text.AppendLine(Invariant($"  confirmation{along}: {confirmation}"));
        }
    }

    /// <summary>The failing directions with their numbers: the evidence when no element can be singled out.</summary>
    private static void WriteDirections(StringBuilder text, InputResult input)
    {
        if (input.FailedDirections.Count == 0) return;
        text.AppendLine(Invariant($"  failing directions (each moving {input.FailedDirections[0].ElementCount:N0} elements at once):"));
        foreach (var direction in input.FailedDirections.Take(MaximumDirections))
        {
            var slopes = direction.LowerSlope is { } lower && direction.UpperSlope is { } upper
                ? Invariant($"   at a kink: one-sided slopes {lower:+0.000000e+00;-0.000000e+00} and {upper:+0.000000e+00;-0.000000e+00}")
                : "";
            text.AppendLine(Invariant($"    ⟨g, v⟩ {direction.Analytic,13:+0.000000e+00;-0.000000e+00}   ") +
                            Invariant($"quotient {direction.Numeric,13:+0.000000e+00;-0.000000e+00}   ") +
                            Invariant($"abs error {direction.AbsoluteError:0.00e+00}   tolerance {direction.Tolerance:0.0e+00}{slopes}"));
        }
    }

    /// <summary>A pass whose error bars resolve a coarser relative error than this (ten default tolerances) says so.</summary>
    internal const double CoarseResolution = 1e-5;

    private const int MaximumDirections = 5;

    private static string Coverage(InputResult input)
    {
        var parts = new List<string>();
        if (input.JointProbeCount > 0)
            parts.Add(Invariant($"{input.JointProbeCount} joint directional probe{(input.JointProbeCount == 1 ? "" : "s")} over all ") +
                      Invariant($"{input.JointInputCount} inputs at once, 0 failed"));
        if (input.ProbeCount > 0)
            parts.Add(Invariant($"{input.ProbeCount} directional probe{(input.ProbeCount == 1 ? "" : "s")}, {input.FailedProbeCount} failed"));
        if (input.CheckedElementCount > 0)
            parts.Add(Invariant($"{input.CheckedElementCount:N0} element{(input.CheckedElementCount == 1 ? "" : "s")} checked one by one"));
        return string.Join("; ", parts);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
