namespace GradCheck;

/// <summary>What the Taylor-remainder test concludes.</summary>
public enum TaylorVerdict
{
    /// <summary>The remainder shrinks like t² (or stays at rounding noise): the gradient is consistent with the function.</summary>
    Consistent,

    /// <summary>The remainder shrinks like t: the gradient is wrong along the direction.</summary>
    Wrong,

    /// <summary>The remainders follow no clear power of t before rounding hides them.</summary>
    Inconclusive,

    /// <summary>A kink stays between x and every step tried: there is no derivative here to confirm or refute.</summary>
    NonDifferentiable,
}

/// <summary>
/// The Taylor-remainder test along one direction d: r(t) = |f(x + t·d) − f(x) − t·⟨g, d⟩| shrinks like t² when g is
/// right and like t when it is wrong, whatever the scale of f: a verdict that needs no tolerance. The steps start no
/// wider than the check's own and shrink until rounding hides the remainder; steps across a kink are not fitted.
/// </summary>
/// <param name="Steps">The t values, largest first (in units of the direction's own steps).</param>
/// <param name="Remainders">r(t) at each step.</param>
/// <param name="Order">
/// The observed order p in r ∝ tᵖ over the smallest steps still above rounding noise; +∞ when every remainder is at
/// rounding noise (f is linear along the direction and the gradient exact); NaN when there is none to fit.
/// </param>
public sealed record TaylorResult(IReadOnlyList<double> Steps, IReadOnlyList<double> Remainders, double Order)
{
    /// <summary>The conclusion.</summary>
    public TaylorVerdict Verdict { get; init; } = Order switch
    {
        double.PositiveInfinity or >= 1.8 => TaylorVerdict.Consistent,
        <= 1.3 => TaylorVerdict.Wrong,
        _ => TaylorVerdict.Inconclusive,
    };

    /// <summary>Whether the gradient is consistent with the function along the direction.</summary>
    public bool IsConsistent => Verdict == TaylorVerdict.Consistent;

    /// <summary>Whether the gradient is wrong along the direction.</summary>
    public bool IsWrong => Verdict == TaylorVerdict.Wrong;

    /// <summary>A one-line summary.</summary>
    public override string ToString() => Verdict switch
    {
        TaylorVerdict.NonDifferentiable => "Taylor test crosses a kink at every step: non-differentiable here, neither confirmed nor refuted.",
        _ when double.IsPositiveInfinity(Order) =>
            "Taylor remainder at rounding noise at every step: the function is linear along the direction and the gradient exact.",
        _ when double.IsNaN(Order) => "Taylor test inconclusive: the remainders do not follow a power of t above rounding noise.",
        _ => $"Taylor remainder shrinks like t^{Order:0.00} (t^2 for a correct gradient, t^1 for a wrong one): " +
             Verdict switch { TaylorVerdict.Consistent => "consistent.", TaylorVerdict.Wrong => "the gradient is wrong.", _ => "inconclusive." },
    };
}
