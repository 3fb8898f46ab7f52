namespace GradCheck.Tests.Engine;

/// <summary>
/// The workers of a parallel full check each check their own contiguous share of the elements, and the first adopts
/// what the others found: nothing is checked twice, and the result is the one-worker result.
/// </summary>
public class ParallelWorkerTests
{
    private const int Length = 40;

    private static readonly CheckOptions Full = new() { Mode = CheckMode.Full, Seed = 21, MaxDegreeOfParallelism = 2 };

    /// <summary>
    /// Σ sin(xᵢ)·xᵢ over copies of one point, one per instance; each instance records which element a forward pass moved
    /// when it moved exactly one (an element check), in the order the instances were built.
    /// </summary>
    private sealed class RecordingFactory(bool wrongElement = false)
    {
        private readonly Vector<double> x = Vector<double>.Build.Dense(Length, i => 0.5 + 0.05 * i);

        public List<HashSet<int>> MovedElements { get; } = [];

        public Differentiable Create()
        {
            var point = x.Clone();
            var moved = new HashSet<int>();
            MovedElements.Add(moved);
            return Differentiable.Of(() =>
                {
                    var changed = Enumerable.Range(0, Length).Where(i => point[i] != x[i]).ToList();
                    if (changed.Count == 1) moved.Add(changed[0]);
                    return point.PointwiseSin().DotProduct(point);
                },
                d => point.MapIndexed((i, v) => d * (Math.Cos(v) * v + Math.Sin(v)) * (wrongElement && i == 31 ? 1.1 : 1)))
                .WithInput(point, "x");
        }
    }

    [Fact]
    public void Each_worker_checks_exactly_its_own_half_of_the_elements()
    {
        Assert.SkipWhen(Environment.ProcessorCount < 2, "one processor: the check runs one worker");
        var factory = new RecordingFactory();

        var result = GradientCheck.Run(factory.Create, Full);

        Assert.Equal(Verdict.Passed, result.Verdict);
        Assert.Equal(2, factory.MovedElements.Count);
        Assert.Equal(Enumerable.Range(0, Length / 2), factory.MovedElements[0].Order());
        Assert.Equal(Enumerable.Range(Length / 2, Length / 2), factory.MovedElements[1].Order());
        Assert.Equal(Length, result.Inputs.Single().CheckedElementCount);
    }

    [Fact]
    public void One_worker_checks_every_element_itself()
    {
        var factory = new RecordingFactory();

        GradientCheck.Run(factory.Create, Full with { MaxDegreeOfParallelism = 1 });

        Assert.Equal(Enumerable.Range(0, Length), Assert.Single(factory.MovedElements).Order());
    }

    [Fact]
    public void What_the_second_worker_finds_is_reported_exactly_as_one_worker_reports_it()
    {
        Assert.SkipWhen(Environment.ProcessorCount < 2, "one processor: the check runs one worker");
        // Element 31 is in the second worker's half.
        var parallelFactory = new RecordingFactory(wrongElement: true);
        var parallel = GradientCheck.Run(parallelFactory.Create, Full).Inputs.Single();
        var sequential = GradientCheck.Run(new RecordingFactory(wrongElement: true).Create, Full with { MaxDegreeOfParallelism = 1 }).Inputs.Single();

        Assert.Equal(Verdict.Failed, parallel.Verdict);
        Assert.Equal(31, parallel.WorstElements[0].Index);
        Assert.Equal(sequential.WorstElements, parallel.WorstElements);
        Assert.Equal(sequential.Resolution, parallel.Resolution);
        Assert.Equal((sequential.CheckedElementCount, sequential.FailedElementCount, sequential.WrongElementCount),
            (parallel.CheckedElementCount, parallel.FailedElementCount, parallel.WrongElementCount));
        Assert.Equal(sequential.Heatmap!.ToString(), parallel.Heatmap!.ToString());
    }
}
