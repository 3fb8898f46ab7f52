namespace GradCheck;

/// <summary>
/// The values one level of a probe writes: element <c>Indices[i]</c> of the perturbation goes to
/// <see cref="Centres"/>[i] ± <see cref="Displacements"/>[i], both numbers of the input's precision. The centre is the
/// element's own value, or — for an element much smaller than its step, which no displacement moves symmetrically and
/// exactly — that value rounded to the step's spacing: the difference is then taken about a point within half a unit in
/// the last place of the step, an error of order ε·h that no tolerance notices. <see cref="Centres"/> may be the input's
/// snapshot itself: it is only read.
/// </summary>
internal sealed record Move(double[] Centres, double[] Displacements)
{
    /// <summary>The moves of the elements <paramref name="from"/> to <paramref name="to"/> (exclusive).</summary>
    public Move Slice(int from, int to) => new(Centres[from..to], Displacements[from..to]);

    /// <summary>How far the plus point moves element i from its value: the centre's shift and the displacement.</summary>
    public double PlusOffset(int i, double snapshot) => Centres[i] - snapshot + Displacements[i];
}
