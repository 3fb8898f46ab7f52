namespace GradCheck;

/// <summary>
/// The inputs of a check with a snapshot of each, taken before anything runs, under the lock of every input's storage
/// (<see cref="InputLocks"/>); disposing writes every snapshot back, so the user's data comes back bit for bit however
/// the check ends, then lets other checks of the same storage in.
/// </summary>
internal sealed class CapturedInputs : IDisposable
{
    private readonly IDisposable held;

    private CapturedInputs(IReadOnlyList<InputStorage> storages, IReadOnlyList<double[]> snapshots, IDisposable held)
    {
        Storages = storages;
        Snapshots = snapshots;
        this.held = held;
    }

    public IReadOnlyList<InputStorage> Storages { get; }

    public IReadOnlyList<double[]> Snapshots { get; }

    /// <summary>
    /// Validates the inputs (none empty, dense, none aliasing another, one at least differentiated), waits for any other
    /// check of the same storages to end, snapshots them, and requires the differentiated ones to be finite.
    /// </summary>
    public static CapturedInputs Capture(IReadOnlyList<CheckInput> inputs)
    {
        Guards.RequireInputs(inputs);
        var storages = inputs.Select(i => i.Storage()).ToList();
        Guards.RequireUnaliased(storages);
        var held = InputLocks.Enter(storages.Select(s => s.Owner));
        var snapshots = storages.Select(v => v.Snapshot()).ToList();
        var captured = new CapturedInputs(storages, snapshots, held);
        try
        {
            Guards.RequireFinite(inputs, storages);
        }
        catch
        {
            captured.Dispose();
            throw;
        }

        return captured;
    }

    public void Dispose()
    {
        try
        {
            for (var i = 0; i < Storages.Count; i++) Storages[i].Restore(Snapshots[i]);
        }
        finally
        {
            held.Dispose();
        }
    }
}
