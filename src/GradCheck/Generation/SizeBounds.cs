namespace GradCheck;

/// <summary>
/// How large sizes may be at FsCheck's size parameter: the upper bound starts at 2 and grows linearly to
/// <see cref="GradCheckSettings.MaxDimension"/> at <see cref="GradCheckSettings.EndSize"/>, but never below the number
/// of symbols when they must be distinct.
/// </summary>
internal static class SizeBounds
{
    public static int Upper(int size, GradCheckSettings settings, int symbolCount)
    {
        var grown = 2 + (long)Math.Max(size, 0) * (settings.MaxDimension - 2) / Math.Max(settings.EndSize, 1);
        var upper = (int)Math.Clamp(grown, 1, settings.MaxDimension);
        return settings.DistinctSizes ? Math.Max(upper, symbolCount) : upper;
    }

    public static void Validate(GradCheckSettings settings, PropertyPlan plan)
    {
        if (settings.DistinctSizes && plan.Symbols.Count > settings.MaxDimension)
            throw new PropertyDefinitionException(
                $"The method uses {plan.Symbols.Count} size symbols ({string.Join(", ", plan.Symbols)}), which cannot all differ with " +
                $"MaxDimension = {settings.MaxDimension}: raise MaxDimension or set DistinctSizes = false.");
    }
}
