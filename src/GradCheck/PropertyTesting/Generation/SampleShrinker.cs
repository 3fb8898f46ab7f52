using FsCheck;
using FsCheck.Fluent;

namespace GradCheck;

/// <summary>
/// The shrink candidates of a <see cref="Sample"/>, one component at a time as FsCheck does for tuples: every candidate
/// value comes from FsCheck's own shrinkers (int for sizes, double for values, the parameter's Arbitrary for other
/// arguments); this type only re-assembles samples from them, keeps values inside their domains, and cuts the values of
/// a matrix down to its top-left corner when a size shrinks. FsCheck's runner does the search.
/// </summary>
internal static class SampleShrinker
{
    private static readonly Arbitrary<int> Ints = ArbMap.Default.ArbFor<int>();
    private static readonly Arbitrary<double> Doubles = ArbMap.Default.ArbFor<double>();

    public static IEnumerable<Sample> Candidates(Sample sample, PropertyOptions options)
    {
        // Sizes first: a smaller failing case matters more than simpler numbers.
        for (var s = 0; s < sample.Sizes.Length; s++)
            foreach (var size in Ints.Shrinker(sample.Sizes[s]).Where(v => v >= 1 && v < sample.Sizes[s]).Distinct())
            {
                var sizes = (int[])sample.Sizes.Clone();
                sizes[s] = size;
                yield return sample.With(sizes: sizes, values: Cut(sample, sizes));
            }

        for (var p = 0; p < sample.Plan.Parameters.Count; p++)
        {
            var parameter = sample.Plan.Parameters[p];
            if (parameter.Arbitrary is { } arbitrary && sample.Others[p] is { } other)
                foreach (var candidate in arbitrary.Shrinker(other))
                {
                    var others = (object?[])sample.Others.Clone();
                    others[p] = candidate;
                    yield return sample.With(others: others);
                }
        }

        if (!options.ShrinkValues) yield break;
        for (var p = 0; p < sample.Values.Length; p++)
            for (var i = 0; i < sample.Values[p].Length; i++)
            {
                var domain = sample.Plan.Parameters[p].Domain;
                foreach (var value in Doubles.Shrinker(sample.Values[p][i]).Where(v => double.IsFinite(v) && domain.Contains(v)))
                {
                    var values = (double[][])sample.Values.Clone();
                    values[p] = (double[])values[p].Clone();
                    values[p][i] = value;
                    yield return sample.With(values: values);
                }
            }
    }

    /// <summary>Each tensor's values at the new sizes: its top-left block, column-major as stored.</summary>
    private static double[][] Cut(Sample sample, int[] sizes)
    {
        var result = new double[sample.Values.Length][];
        for (var p = 0; p < result.Length; p++)
        {
            var parameter = sample.Plan.Parameters[p];
            if (!parameter.IsTensor)
            {
                result[p] = sample.Values[p];
                continue;
            }

            var oldRows = parameter.ShapeAt(sample.Sizes).Rows;
            var (rows, columns) = (parameter.ShapeAt(sizes).Rows, parameter.ShapeAt(sizes).Columns);
            var cut = new double[rows * columns];
            for (var c = 0; c < columns; c++)
                Array.Copy(sample.Values[p], c * oldRows, cut, c * rows, rows);
            result[p] = cut;
        }

        return result;
    }
}
