using FsCheck;
using FsCheck.Fluent;

namespace GradCheck;

/// <summary>FsCheck's generator of <see cref="PropertySample"/>s: sizes first (growing with FsCheck's size), then values to fit them.</summary>
internal static class SampleGenerator
{
    public static Gen<PropertySample> For(PropertyPlan plan, PropertyOptions options) =>
        from sizes in Gen.Sized(size => Sizes(plan, options, SizeBounds.Upper(size, options, plan.Symbols.Count)))
        from values in Gen.CollectToArray(plan.Parameters.Select(p => Values(p, sizes)))
        from others in Gen.CollectToArray(plan.Parameters.Select(p => p.Arbitrary?.Generator ?? Gen.Constant<object>(null!)))
        from engineSeed in Gen.Choose(0, int.MaxValue)
        select new PropertySample(plan, sizes, values, others, engineSeed);

    private static Gen<int[]> Sizes(PropertyPlan plan, PropertyOptions options, int upper)
    {
        var count = plan.Symbols.Count;
        if (count == 0) return Gen.Constant(Array.Empty<int>());
        // Distinct sizes: a random arrangement of 1..upper, of which the first k are taken.
        return options.DistinctSizes
            ? Gen.Shuffle(Enumerable.Range(1, upper).ToArray()).Select(all => all[..count])
            : Gen.ArrayOf(Gen.Choose(1, upper), count);
    }

    private static Gen<double[]> Values(PropertyParameter parameter, int[] sizes) => parameter.Kind switch
    {
        PropertyParameterKind.Matrix or PropertyParameterKind.Vector when parameter.Precision == ElementPrecision.Single =>
            parameter.Domain.Tensor(Count(parameter, sizes)).Select(values => values.Select(v => (double)(float)v).ToArray()),
        PropertyParameterKind.Matrix or PropertyParameterKind.Vector => parameter.Domain.Tensor(Count(parameter, sizes)),
        PropertyParameterKind.Scalar => parameter.Domain.Tensor(1),
        _ => Gen.Constant(Array.Empty<double>()),
    };

    private static int Count(PropertyParameter parameter, int[] sizes)
    {
        var shape = parameter.ShapeAt(sizes);
        return shape.Count;
    }
}
