namespace GradCheck;

/// <summary>
/// The inputs of a check with a snapshot of each, taken before anything runs; disposing writes every snapshot back,
/// so the user's data comes back bit for bit however the check ends.
/// </summary>
internal sealed class CapturedInputs : IDisposable
{
    private CapturedInputs(IReadOnlyList<ParameterView> views, IReadOnlyList<double[]> snapshots)
    {
        Views = views;
        Snapshots = snapshots;
    }

    public IReadOnlyList<ParameterView> Views { get; }

    public IReadOnlyList<double[]> Snapshots { get; }

    /// <summary>Validates the inputs (none empty, one at least differentiated) and snapshots them.</summary>
    public static CapturedInputs Capture(IReadOnlyList<CheckInput> inputs)
    {
        Guards.RequireInputs(inputs);
        var views = inputs.Select(i => i.View()).ToList();
        return new CapturedInputs(views, views.Select(v => v.Snapshot()).ToList());
    }

    public void Dispose()
    {
        for (var i = 0; i < Views.Count; i++) Views[i].Restore(Snapshots[i]);
    }
}
