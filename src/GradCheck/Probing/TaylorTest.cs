namespace GradCheck;

/// <summary>Runs the Taylor-remainder test of one input along one direction.</summary>
internal static class TaylorTest
{
    private const int StepCount = 16;

    /// <summary>
    /// r(t) = |φ(x + t·v) − φ(x) − t·⟨g, v⟩| for t = 2⁻³ … 2⁻¹⁸; the order is the median slope of log r over the last
    /// three halvings whose remainders stand clear of rounding noise.
    /// </summary>
    public static TaylorResult Run(Prober prober, InputStorage input, double[] snapshot, Direction direction, double[] gradient)
    {
        var along = direction.Dot(gradient);
        var steps = new double[StepCount];
        var remainders = new double[StepCount];
        for (var k = 0; k < StepCount; k++)
        {
            steps[k] = Math.Pow(2, -3 - k);
            var value = prober.At(input, snapshot, direction, steps[k]);
            remainders[k] = Math.Abs(value - prober.Base - steps[k] * along);
        }

        return new TaylorResult(steps, remainders, Order(remainders, prober.BaseMagnitude));
    }

    private static double Order(double[] remainders, double magnitude)
    {
        var noiseFloor = 1e4 * FloatingPoint.DoubleEpsilon * Math.Max(magnitude, double.Epsilon);
        var slopes = new List<double>();
        for (var k = 0; k + 1 < remainders.Length; k++)
        {
            if (remainders[k + 1] > noiseFloor && remainders[k] > noiseFloor)
                slopes.Add(Math.Log2(remainders[k] / remainders[k + 1]));
            else if (slopes.Count > 0)
                break;
        }

        // Remainders at noise from the largest step on: f is linear along v and the gradient exact.
        if (slopes.Count == 0) return remainders[0] <= noiseFloor ? double.PositiveInfinity : double.NaN;
        var last = slopes.Skip(Math.Max(0, slopes.Count - 3)).OrderBy(s => s).ToList();
        return last[last.Count / 2];
    }
}
