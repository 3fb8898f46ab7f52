using FsCheck;
using FsCheck.Fluent;

namespace GradCheck;

/// <summary>
/// The shrink candidates of a failing <see cref="PropertySample"/>, sizes first, then other arguments, then values;
/// FsCheck's runner does the search, taking the first candidate that still fails. Every candidate carries the character
/// of the first failure (<see cref="FailureCharacter"/>): it counts as failing only if it fails the same way, off a kink,
/// so shrinking never trades the bug for another failure or a degenerate point.
/// </summary>
internal static class SampleShrinker
{
    private static readonly Arbitrary<int> Ints = ArbMap.Default.ArbFor<int>();

    /// <param name="sample">The failing sample (already evaluated).</param>
    /// <param name="options">The property's options.</param>
    /// <param name="evaluate">Its result (memoised: the runner has just evaluated it).</param>
    public static IEnumerable<PropertySample> Candidates(PropertySample sample, PropertyOptions options, Func<PropertySample, SampleResult> evaluate)
    {
        var required = sample.Required ?? FailureCharacter.Of(evaluate(sample));
        return Unchecked(sample, options).Select(candidate => candidate.Requiring(required));
    }

    private static IEnumerable<PropertySample> Unchecked(PropertySample sample, PropertyOptions options)
    {
        // Sizes first: a smaller failing case matters more than simpler numbers, and once a value has been simplified the
        // sizes are settled (trying them again after every value step would cost a check each). Sizes no sample can have
        // (a derived dim below 1, an unmet [Require]) are not tried at all, nor sizes that grow a tensor (K smaller makes
        // L-K+1 larger).
        for (var s = 0; s < sample.Sizes.Length && !sample.SizesSettled; s++)
            foreach (var size in Ints.Shrinker(sample.Sizes[s]).Where(v => v >= 1 && v < sample.Sizes[s]).Distinct())
            {
                var sizes = (int[])sample.Sizes.Clone();
                sizes[s] = size;
                if (sample.Plan.Unsatisfied(sizes) is null && !Grows(sample, sizes)) yield return sample.With(sizes: sizes, values: Cut(sample, sizes));
            }

        for (var p = 0; p < sample.Plan.Parameters.Count && !sample.SizesSettled; p++)
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
        {
            var domain = sample.Plan.Parameters[p].Domain;
            foreach (var tensor in ValueSimplifier.WholeTensor(sample.Values[p], domain))
                yield return sample.WithValues(Replace(sample.Values, p, tensor));
            for (var i = 0; i < sample.Values[p].Length; i++)
                foreach (var value in ValueSimplifier.Element(sample.Values[p], i, domain))
                {
                    var tensor = (double[])sample.Values[p].Clone();
                    tensor[i] = value;
                    yield return sample.WithValues(Replace(sample.Values, p, tensor));
                }
        }
    }

    private static double[][] Replace(double[][] values, int parameter, double[] tensor)
    {
        var replaced = (double[][])values.Clone();
        replaced[parameter] = tensor;
        return replaced;
    }

    private static bool Grows(PropertySample sample, int[] sizes) => sample.Plan.Parameters.Any(p => p.IsTensor
        && (p.ShapeAt(sizes).Rows > p.ShapeAt(sample.Sizes).Rows || p.ShapeAt(sizes).Columns > p.ShapeAt(sample.Sizes).Columns));

    /// <summary>Each tensor's values at the new sizes: its top-left block, column-major as stored.</summary>
    private static double[][] Cut(PropertySample sample, int[] sizes)
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
