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
    private readonly Outcome[] outcomes;

    public InputChecker(ParameterView view, double[] snapshot, double[] gradient, Prober prober, CheckOptions options)
    {
        View = view;
        Snapshot = snapshot;
        Gradient = gradient;
        this.prober = prober;
        this.options = options;
        isChecked = new bool[view.Count];
        numeric = new double[view.Count];
        tolerance = new double[view.Count];
        outcomes = new Outcome[view.Count];
    }

    public ParameterView View { get; }

    public double[] Snapshot { get; }

    /// <summary>The analytic gradient, laid out like the input (column-major).</summary>
    public double[] Gradient { get; }

    public TensorShape Shape => View.Shape;

    public bool IsChecked(int index) => isChecked[index];

    public Outcome OutcomeAt(int index) => outcomes[index];

    public double ToleranceAt(int index) => tolerance[index];

    /// <summary>Checks one element: two forward passes, four if the first look disagrees. Checked once only.</summary>
    public Outcome CheckElement(int index)
    {
        if (isChecked[index]) return outcomes[index];
        var analytic = Gradient[index];
        var stencil = prober.Element(View, index, wide: false);
        var comparison = Comparison.FirstLook(analytic, stencil, options, 1.0);
        // A disagreement, or a hint of a kink, earns the two wide points that settle it.
        if (comparison.Outcome != Outcome.Passed || stencil.OneSidedQuotientsDisagree)
            comparison = Comparison.Refined(analytic, prober.Widen(View, index, stencil), options, 1.0);

        isChecked[index] = true;
        numeric[index] = comparison.Numeric;
        tolerance[index] = comparison.Tolerance;
        outcomes[index] = comparison.Outcome;
        return comparison.Outcome;
    }

    public void CheckAllElements() => CheckRange(0, View.Count);

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
            outcomes[index] = other.outcomes[index];
        }
    }

    /// <summary>Compares ⟨g, v⟩ with the refined directional quotient along <paramref name="direction"/>.</summary>
    public Comparison Probe(Direction direction) =>
        Comparison.Refined(direction.Dot(Gradient), prober.Along(View, Snapshot, direction), options, direction.Norm());

    public Direction RandomDirection(int[] indices, Random random) => Direction.RandomSigns(indices, Snapshot, random);

    public ElementCheck Describe(int index)
    {
        var (row, column) = Shape.Position(index);
        return new ElementCheck(View.Name, index, row, column, Gradient[index], numeric[index],
            Math.Abs(Gradient[index] - numeric[index]), tolerance[index], outcomes[index]);
    }

    /// <summary>The checked elements, as reports see them.</summary>
    public IEnumerable<ElementCheck> CheckedElements()
    {
        for (var index = 0; index < isChecked.Length; index++)
            if (isChecked[index]) yield return Describe(index);
    }

    public TaylorResult ConfirmAt(int index)
    {
        var direction = new Direction([index], [Math.Max(1.0, Math.Abs(Snapshot[index]))]);
        return TaylorTest.Run(prober, View, Snapshot, direction, Gradient);
    }
}
