namespace GradCheck;

/// <summary>
/// How large sizes may be at FsCheck's size parameter: the upper bound starts at 2 and grows linearly to
/// <see cref="PropertyOptions.MaxDimension"/> at <see cref="PropertyOptions.EndSize"/>, but never below the number
/// of symbols when they must be distinct.
/// </summary>
internal static class SizeBounds
{
    public static int Upper(int size, PropertyOptions options, int symbolCount)
    {
        var grown = 2 + (long)Math.Max(size, 0) * (options.MaxDimension - 2) / Math.Max(options.EndSize, 1);
        var upper = (int)Math.Clamp(grown, 1, options.MaxDimension);
        return options.DistinctSizes ? Math.Max(upper, symbolCount) : upper;
    }

    public static void Validate(PropertyOptions options, PropertyPlan plan, Func<string, string> origin)
    {
        if (options.DistinctSizes && plan.Symbols.Count > options.MaxDimension)
            throw new PropertyDefinitionException(
                $"The method uses {plan.Symbols.Count} size symbols ({string.Join(", ", plan.Symbols)}), which cannot all differ with " +
                $"MaxDimension = {options.MaxDimension}{origin(nameof(PropertyOptions.MaxDimension))}: raise MaxDimension or set DistinctSizes = false.");
    }
}
