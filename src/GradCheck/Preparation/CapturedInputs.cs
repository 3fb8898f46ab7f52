namespace GradCheck;

/// <summary>
/// The inputs of a check with a snapshot of each, taken before anything runs; disposing writes every snapshot back,
/// so the user's data comes back bit for bit however the check ends.
/// </summary>
internal sealed class CapturedInputs : IDisposable
{
    private CapturedInputs(IReadOnlyList<InputStorage> storages, IReadOnlyList<double[]> snapshots)
    {
        Storages = storages;
        Snapshots = snapshots;
    }

    public IReadOnlyList<InputStorage> Storages { get; }

    public IReadOnlyList<double[]> Snapshots { get; }

    /// <summary>Validates the inputs (none empty, one at least differentiated) and snapshots them.</summary>
    public static CapturedInputs Capture(IReadOnlyList<CheckInput> inputs)
    {
        Guards.RequireInputs(inputs);
        var storages = inputs.Select(i => i.Storage()).ToList();
        return new CapturedInputs(storages, storages.Select(v => v.Snapshot()).ToList());
    }

    public void Dispose()
    {
        for (var i = 0; i < Storages.Count; i++) Storages[i].Restore(Snapshots[i]);
    }
}
