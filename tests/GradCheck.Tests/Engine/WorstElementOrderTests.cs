namespace GradCheck.Tests.Engine;

/// <summary>A report lists the worst elements first (by error over error bar), ties in index order, as many as asked for.</summary>
public class WorstElementOrderTests
{
    private static readonly CheckOptions Full = new() { Mode = CheckMode.Full, Seed = 31, MaxDegreeOfParallelism = 1 };

    [Fact]
    public void Worse_errors_come_first()
    {
        // ½‖x‖² at x = 1.25 everywhere: alike error bars, so the planted errors (fourfold apart) decide the order.
        var errors = new Dictionary<int, double> { [3] = 1.0 / 64, [7] = 1.0 / 4, [1] = 1.0 / 16, [5] = 1.0 / 256 };
        var x = Vector<double>.Build.Dense(10, 1.25);

        var input = GradientCheck.Gradient(p => 0.5 * p.DotProduct(p), p => p.MapIndexed((i, v) => v * (1 + errors.GetValueOrDefault(i))), x, Full)
            .Inputs.Single();

        Assert.Equal([7, 1, 3, 5], input.WorstElements.Select(e => e.Index));
        Assert.Equal(4, input.FailedElementCount);
    }

    [Fact]
    public void Equal_errors_are_listed_in_index_order_up_to_the_number_asked_for()
    {
        // 2·Σxᵢ with a gradient of 3: every element equally wrong, its quotients exact.
        var x = Vector<double>.Build.Dense(10, 1.0);

        var input = GradientCheck.Gradient(p => 2 * p.Sum(), p => Vector<double>.Build.Dense(p.Count, 3.0), x, Full with { ReportedElements = 3 })
            .Inputs.Single();

        Assert.Equal(10, input.FailedElementCount);
        Assert.Equal([0, 1, 2], input.WorstElements.Select(e => e.Index));
    }
}
