using FsCheck;
using FsCheck.Fluent;

namespace GradCheck;

/// <summary>FsCheck's generator of <see cref="Sample"/>s: sizes first (growing with FsCheck's size), then values to fit them.</summary>
internal static class SampleGenerator
{
    public static Gen<Sample> For(PropertyPlan plan, GradCheckSettings settings) =>
        from sizes in Gen.Sized(size => Sizes(plan, settings, SizeBounds.Upper(size, settings, plan.Symbols.Count)))
        from values in Gen.CollectToArray(plan.Parameters.Select(p => Values(p, sizes)))
        from others in Gen.CollectToArray(plan.Parameters.Select(p => p.Arbitrary?.Generator ?? Gen.Constant<object>(null!)))
        from engineSeed in Gen.Choose(0, int.MaxValue)
        select new Sample(plan, sizes, values, others, engineSeed);

    private static Gen<int[]> Sizes(PropertyPlan plan, GradCheckSettings settings, int upper)
    {
        var count = plan.Symbols.Count;
        if (count == 0) return Gen.Constant(Array.Empty<int>());
        // Distinct sizes: a random arrangement of 1..upper, of which the first k are taken.
        return settings.DistinctSizes
            ? Gen.Shuffle(Enumerable.Range(1, upper).ToArray()).Select(all => all[..count])
            : Gen.ArrayOf(Gen.Choose(1, upper), count);
    }

    private static Gen<double[]> Values(ParameterSpec parameter, int[] sizes) => parameter.Kind switch
    {
        ParameterKind.Matrix or ParameterKind.Vector => Gen.ArrayOf(parameter.Domain.Generator, Count(parameter, sizes)),
        ParameterKind.Scalar => Gen.ArrayOf(parameter.Domain.Generator, 1),
        _ => Gen.Constant(Array.Empty<double>()),
    };

    private static int Count(ParameterSpec parameter, int[] sizes)
    {
        var (rows, columns) = parameter.Shape(sizes);
        return rows * columns;
    }
}
