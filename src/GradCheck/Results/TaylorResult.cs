namespace GradCheck;

/// <summary>
/// The Taylor-remainder test along one direction d: r(t) = |f(x + t·d) − f(x) − t·⟨g, d⟩| shrinks like t² when g is
/// right and like t when it is wrong, whatever the scale of f: a verdict that needs no tolerance.
/// </summary>
/// <param name="Steps">The t values, largest first.</param>
/// <param name="Remainders">r(t) at each step.</param>
/// <param name="Order">
/// The observed order p in r ∝ tᵖ over the smallest steps still above rounding noise; +∞ when every remainder is at
/// rounding noise (f is linear along the direction and the gradient exact); NaN when inconclusive.
/// </param>
public sealed record TaylorResult(IReadOnlyList<double> Steps, IReadOnlyList<double> Remainders, double Order)
{
    /// <summary>Order ≥ 1.8: the gradient is consistent with the function.</summary>
    public bool IsConsistent => Order >= 1.8;

    /// <summary>Order ≤ 1.3: the gradient is wrong along this direction.</summary>
    public bool IsWrong => Order <= 1.3;

    /// <summary>A one-line summary.</summary>
    public override string ToString() => double.IsNaN(Order)
        ? "Taylor test inconclusive: the remainders do not follow a power of t."
        : double.IsPositiveInfinity(Order)
        ? "Taylor remainder at rounding noise at every step: the function is linear along the direction and the gradient exact."
        : $"Taylor remainder shrinks like t^{Order:0.00} (t^2 for a correct gradient, t^1 for a wrong one): " +
          (IsConsistent ? "consistent." : IsWrong ? "the gradient is wrong." : "inconclusive.");
}
