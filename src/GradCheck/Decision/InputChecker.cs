namespace GradCheck;

/// <summary>
/// Checks one differentiated input against its analytic gradient: element by element, or along directions.
/// Results of element checks are kept in flat arrays laid out like the input, allocated once.
/// </summary>
internal sealed class InputChecker
{
    private readonly Prober prober;
    private readonly CheckOptions options;
    private readonly bool[] isChecked;
    private readonly double[] numeric;
    private readonly double[] tolerance;
    private readonly Verdict[] verdicts;

    public InputChecker(InputStorage storage, double[] snapshot, double[] gradient, Prober prober, CheckOptions options)
    {
        Storage = storage;
        Snapshot = snapshot;
        Gradient = gradient;
        this.prober = prober;
        this.options = options;
        isChecked = new bool[storage.Count];
        numeric = new double[storage.Count];
        tolerance = new double[storage.Count];
        verdicts = new Verdict[storage.Count];
    }

    public InputStorage Storage { get; }

    public double[] Snapshot { get; }

    /// <summary>The analytic gradient, laid out like the input (column-major).</summary>
    public double[] Gradient { get; }

    public TensorShape Shape => Storage.Shape;

    public bool IsChecked(int index) => isChecked[index];

    public Verdict VerdictAt(int index) => verdicts[index];

    public double ToleranceAt(int index) => tolerance[index];

    /// <summary>Checks one element: two forward passes, four if the first look disagrees. Checked once only.</summary>
    public Verdict CheckElement(int index)
    {
        if (isChecked[index]) return verdicts[index];
        var analytic = Gradient[index];
        var stencil = prober.Element(Storage, index, wide: false);
        var comparison = Comparison.FirstLook(analytic, stencil, options, 1.0);
        // A disagreement, or a hint of a kink, earns the two wide points that settle it.
        if (comparison.Verdict != Verdict.Passed || stencil.OneSidedQuotientsDisagree)
            comparison = Comparison.Refined(analytic, prober.Widen(Storage, index, stencil), options, 1.0);

        isChecked[index] = true;
        numeric[index] = comparison.Numeric;
        tolerance[index] = comparison.Tolerance;
        verdicts[index] = comparison.Verdict;
        return comparison.Verdict;
    }

    public void CheckAllElements() => CheckRange(0, Storage.Count);

    public void CheckRange(int start, int end)
    {
        for (var index = start; index < end; index++) CheckElement(index);
    }

    /// <summary>Takes over the results another checker (on another copy of the same input) found for [start, end).</summary>
    public void Adopt(InputChecker other, int start, int end)
    {
        for (var index = start; index < end; index++)
        {
            if (!other.isChecked[index]) continue;
            isChecked[index] = true;
            numeric[index] = other.numeric[index];
            tolerance[index] = other.tolerance[index];
            verdicts[index] = other.verdicts[index];
        }
    }

    /// <summary>Compares ⟨g, v⟩ with the refined directional quotient along <paramref name="direction"/>.</summary>
    public Comparison Probe(Direction direction) =>
        Comparison.Refined(direction.Dot(Gradient), prober.Along(Storage, Snapshot, direction), options, direction.Norm());

    public Direction RandomDirection(int[] indices, Random random) => Direction.RandomSigns(indices, Snapshot, random);

    public ElementResult ResultAt(int index)
    {
        var (row, column) = Shape.Position(index);
        return new ElementResult(Storage.Name, index, row, column, Gradient[index], numeric[index],
            Math.Abs(Gradient[index] - numeric[index]), tolerance[index], verdicts[index]);
    }

    /// <summary>The checked elements, as reports see them.</summary>
    public IEnumerable<ElementResult> CheckedElements()
    {
        for (var index = 0; index < isChecked.Length; index++)
            if (isChecked[index]) yield return ResultAt(index);
    }

    public TaylorResult ConfirmAt(int index)
    {
        var direction = new Direction([index], [Math.Max(1.0, Math.Abs(Snapshot[index]))]);
        return TaylorTest.Run(prober, Storage, Snapshot, direction, Gradient);
    }
}
