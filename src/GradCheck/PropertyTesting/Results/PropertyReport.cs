using System.Globalization;
using System.Reflection;
using System.Text;

using GradCheck.Parameters;

namespace GradCheck;

/// <summary>The text of a <see cref="PropertyResult"/>: what a developer reads in a failed test.</summary>
internal static class PropertyReport
{
    public static string Name(MethodInfo method) => $"{method.DeclaringType?.Name}.{method.Name}";

    /// <summary>Class.Method of a test; for a lambda (a compiler-generated method) the calling member in the lambda's enclosing class.</summary>
    public static string TestName(MethodInfo method, string callerMemberName)
    {
        if (!method.Name.Contains('<') || callerMemberName.Length == 0) return Name(method);
        var type = method.DeclaringType;
        while (type is { DeclaringType: not null } && type.Name.Contains('<')) type = type.DeclaringType;
        return $"{type?.Name}.{callerMemberName}";
    }

    // The sizes' ranges are always in the summary: a property that never drew N above 3 must be visible.
    public static string Passed(MethodInfo method, int samples, DiscardTally discards, PropertyStatistics statistics, bool verbose) =>
        $"GradCheck property '{Name(method)}' passed {samples} samples ({discards})" +
        (statistics.Sizes.Count > 0 ? $"; {statistics.SizeRanges}." : ".") +
        (verbose ? Environment.NewLine + statistics : "");

    public static string Invalid(MethodInfo method, string reason) =>
        $"GradCheck property '{Name(method)}' cannot run: {reason}";

    public static string Exhausted(MethodInfo method, int passed, DiscardTally discards, PropertyStatistics statistics) =>
        $"GradCheck property '{Name(method)}' gave up after {passed} passing samples: {discards}. " +
        "Keep the values away from non-differentiable points with [AwayFrom], [Between] or [Positive], loosen the [Require] relations or " +
        "Sample.Require conditions, or raise MaxDiscarded." + Environment.NewLine + statistics;

    public static string Failed(PropertySample original, SampleResult originalVerdict, PropertySample shrunk, SampleResult verdict, int passed, int shrinks,
        DiscardTally discards, PropertyStatistics statistics, string replay)
    {
        var text = new StringBuilder();
        var method = shrunk.Plan.Method;
        text.AppendLine(Invariant($"GradCheck property '{Name(method)}' failed after {passed} passing samples ({discards}); ") +
                        Invariant($"shrunk {shrinks} time{(shrinks == 1 ? "" : "s")}."));
        text.AppendLine(Invariant($"Shrunk sizes: {shrunk.SizesText}   (first failing sample: {original.SizesText})"));
        var inputs = Inputs(shrunk);
        if (inputs.Length > 0) text.AppendLine($"Shrunk arguments: {inputs}");
        text.AppendLine();
        text.AppendLine(verdict.Text.TrimEnd());
        if (verdict.Check?.Fault?.Kind is FaultKind.NonFiniteOutput or FaultKind.NonFiniteGradient)
            text.AppendLine("If the function is undefined for some inputs, restrict them with [Positive], [Between] or [AwayFrom].");
        if (!ReferenceEquals(original, shrunk)) AppendOriginalDiagnoses(text, original, originalVerdict, verdict);
        text.AppendLine();
        text.AppendLine(statistics.ToString());
        text.AppendLine();
        text.Append(Invariant($"Replay: [GradCheck(Replay = \"{replay}\")], or PropertyOptions {{ Replay = \"{replay}\" }}, keeping the other options."));
        return text.ToString();
    }

    // Shrinking keeps each wrong input's kind of diagnosis, not its details (a factor, the rows named): when those
    // changed, the first failing sample's diagnosis is the one read on the larger, less special sample.
    private static void AppendOriginalDiagnoses(StringBuilder text, PropertySample original, SampleResult originalVerdict, SampleResult verdict)
    {
        var before = originalVerdict.Check?.Inputs.Where(i => i.Verdict == Verdict.Failed).ToDictionary(i => i.Name, i => i.Diagnosis);
        var after = verdict.Check?.Inputs.Where(i => i.Verdict == Verdict.Failed).ToDictionary(i => i.Name, i => i.Diagnosis);
        if (before is null || after is null) return;
        var changed = before.Where(b => b.Value is not null && after.TryGetValue(b.Key, out var a) && (a is null || !a.SaysTheSameAs(b.Value))).ToList();
        if (changed.Count == 0) return;
        text.AppendLine();
        text.AppendLine($"Before shrinking ({original.SizesText}) the diagnosis read otherwise:");
        foreach (var (name, diagnosis) in changed) text.AppendLine($"  input '{name}': {diagnosis}");
    }

    // Small tensors are printed whole (column by column is how they are stored; rows are how a reader wants them);
    // larger ones are summarised, never left out: the replay reproduces them exactly.
    private const int PrintedElements = 16;

    private static string Inputs(PropertySample sample)
    {
        var parts = new List<string>();
        for (var p = 0; p < sample.Plan.Parameters.Count; p++)
        {
            var parameter = sample.Plan.Parameters[p];
            if (parameter.IsTensor)
                parts.Add($"{parameter.Name} = {Tensor(parameter, sample, sample.Values[p])}");
            else if (parameter.Kind == PropertyParameterKind.Scalar)
                parts.Add(Invariant($"{parameter.Name} = {sample.Values[p][0]:R}"));
            else
                parts.Add($"{parameter.Name} = {Show(sample.Others[p])}");
        }

        return string.Join(", ", parts);
    }

    private static string Tensor(PropertyParameter parameter, PropertySample sample, double[] values)
    {
        var shape = parameter.ShapeAt(sample.Sizes);
        if (values.Length > PrintedElements)
            return Invariant($"{(shape.IsMatrix ? $"{shape} matrix" : $"vector of {shape.Rows}")} in [{values.Min():G4}, {values.Max():G4}] ") +
                   "(too many elements to print: replay to inspect it)";
        var texts = Distinguishing(values);
        string Row(int r) => string.Join(", ", Enumerable.Range(0, shape.Columns).Select(c => texts[c * shape.Rows + r]));
        return parameter.Kind == PropertyParameterKind.Vector
            ? $"[{string.Join(", ", texts)}]"
            : $"[{string.Join("; ", Enumerable.Range(0, shape.Rows).Select(Row))}]";
    }

    /// <summary>
    /// The values with 4 significant digits, or as many more as it takes to keep distinct values distinct: 1000.004 and
    /// 1000.008 are not both "1000".
    /// </summary>
    private static string[] Distinguishing(double[] values)
    {
        var distinct = values.Distinct().Count();
        for (var digits = 4; digits < 17; digits++)
        {
            var texts = values.Select(v => v.ToString("G" + digits, CultureInfo.InvariantCulture)).ToArray();
            if (texts.Distinct().Count() == distinct) return texts;
        }

        return values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)).ToArray();
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        System.Collections.IEnumerable items => $"[{string.Join(", ", items.Cast<object?>().Select(Show))}]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
