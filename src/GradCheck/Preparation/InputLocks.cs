using System.Runtime.CompilerServices;

namespace GradCheck;

/// <summary>
/// One lock per input storage, held for a whole check: checks that touch the same storage (one Differentiable checked
/// from two tests, two layers sharing a weight, test classes running in parallel) take turns, so none snapshots or
/// reads an input while another has it perturbed. Locks are taken in one global order, so two checks over overlapping
/// inputs cannot deadlock.
/// </summary>
internal static class InputLocks
{
    private static readonly ConditionalWeakTable<object, Gate> Gates = [];
    private static long lastId;

    /// <summary>Enters the lock of every owner (in the global order); the result leaves them.</summary>
    public static IDisposable Enter(IEnumerable<object> owners)
    {
        var gates = owners.Distinct(ReferenceEqualityComparer.Instance).Select(o => Gates.GetValue(o!, _ => new Gate()))
            .OrderBy(g => g.Id).ToList();
        var entered = new Held();
        try
        {
            foreach (var gate in gates)
            {
                Monitor.Enter(gate);
                entered.Gates.Add(gate);
            }
        }
        catch
        {
            entered.Dispose();
            throw;
        }

        return entered;
    }

    private sealed class Gate
    {
        public long Id { get; } = Interlocked.Increment(ref lastId);
    }

    private sealed class Held : IDisposable
    {
        public List<Gate> Gates { get; } = [];

        public void Dispose()
        {
            for (var i = Gates.Count - 1; i >= 0; i--) Monitor.Exit(Gates[i]);
            Gates.Clear();
        }
    }
}
