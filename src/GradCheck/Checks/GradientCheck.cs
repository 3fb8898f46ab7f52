using MathNet.Numerics.LinearAlgebra;

namespace GradCheck;

/// <summary>
/// Entry points of the engine: check a layer's backward pass, a gradient, a Jacobian or a Hessian against centred
/// finite differences. <c>Run</c>-style methods return a <see cref="CheckResult"/>; <c>Assert</c>-style methods throw a
/// <see cref="GradientCheckException"/> whose message is the report.
/// </summary>
public static class GradientCheck
{
    /// <summary>Checks a layer's backward pass as a vector–Jacobian product against a random upstream gradient.</summary>
    public static CheckResult Run(Differentiable layer, CheckOptions? options = null) =>
        LayerCheck.Run(layer, options ?? CheckOptions.Default);

    /// <summary>Like <see cref="Run(Differentiable, CheckOptions?)"/>, throwing unless the check passes.</summary>
    /// <returns>The passing result.</returns>
    /// <exception cref="GradientCheckException">The gradient is wrong, or the check could not run.</exception>
    public static CheckResult Assert(Differentiable layer, CheckOptions? options = null) => Run(layer, options).EnsurePassed();

    /// <summary>
    /// Checks the gradient of a scalar function of a vector, the form MathNet's optimisers take
    /// (for example <c>ObjectiveFunction.Gradient(value, gradient)</c>).
    /// </summary>
    /// <param name="function">f(x).</param>
    /// <param name="gradient">∇f(x), a vector of x's length.</param>
    /// <param name="x">The point; perturbed in place during the check and restored bit for bit.</param>
    /// <param name="options">Settings; the defaults when null.</param>
    public static CheckResult Gradient(Func<Vector<double>, double> function, Func<Vector<double>, Vector<double>> gradient,
        Vector<double> x, CheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(gradient);
        ArgumentNullException.ThrowIfNull(x);
        return Run(Differentiable.Of(() => function(x), upstream => gradient(x) * upstream).WithInput(x, "x"), options);
    }

    /// <summary>Checks the Jacobian of a vector function ℝⁿ → ℝᵐ: J is m×n, row i the gradient of output i.</summary>
    /// <param name="function">F(x), a vector of length m.</param>
    /// <param name="jacobian">J(x), an m×n matrix.</param>
    /// <param name="x">The point; perturbed in place during the check and restored bit for bit.</param>
    /// <param name="options">Settings; the defaults when null.</param>
    public static CheckResult Jacobian(Func<Vector<double>, Vector<double>> function, Func<Vector<double>, Matrix<double>> jacobian,
        Vector<double> x, CheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(jacobian);
        ArgumentNullException.ThrowIfNull(x);
        return Run(Differentiable.Of(() => function(x), upstream =>
        {
            var j = jacobian(x);
            if (j.RowCount != upstream.Count || j.ColumnCount != x.Count)
                throw Guards.Fault(FaultKind.WrongGradientShape,
                    $"The Jacobian is {j.RowCount}×{j.ColumnCount}; expected {upstream.Count}×{x.Count} (outputs × inputs).", "x");
            return j.TransposeThisAndMultiply(upstream);
        }).WithInput(x, "x"), options);
    }

    /// <summary>
    /// Checks a Hessian against finite differences of the gradient (Hessian–vector products), for Newton-type optimisers.
    /// </summary>
    /// <param name="gradient">∇f(x), itself already checked.</param>
    /// <param name="hessian">H(x), an n×n matrix.</param>
    /// <param name="x">The point; perturbed in place during the check and restored bit for bit.</param>
    /// <param name="options">Settings; the defaults when null.</param>
    public static CheckResult Hessian(Func<Vector<double>, Vector<double>> gradient, Func<Vector<double>, Matrix<double>> hessian,
        Vector<double> x, CheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(hessian);
        return HessianVectorProduct(gradient, (point, v) =>
        {
            var h = hessian(point);
            if (h.RowCount != point.Count || h.ColumnCount != point.Count)
                throw Guards.Fault(FaultKind.WrongGradientShape,
                    $"The Hessian is {h.RowCount}×{h.ColumnCount}; expected {point.Count}×{point.Count}.", "x");
            return h.TransposeThisAndMultiply(v);
        }, x, options);
    }

    /// <summary>Checks a Hessian–vector product H(x)·v against finite differences of the gradient.</summary>
    /// <param name="gradient">∇f(x).</param>
    /// <param name="hessianTimes">(x, v) ↦ H(x)·v.</param>
    /// <param name="x">The point; perturbed in place during the check and restored bit for bit.</param>
    /// <param name="options">Settings; the defaults when null.</param>
    public static CheckResult HessianVectorProduct(Func<Vector<double>, Vector<double>> gradient,
        Func<Vector<double>, Vector<double>, Vector<double>> hessianTimes, Vector<double> x, CheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        ArgumentNullException.ThrowIfNull(hessianTimes);
        ArgumentNullException.ThrowIfNull(x);
        // The gradient is the "forward" output; the VJP of ∇f with u is Hᵀu = Hu, H being symmetric.
        return Run(Differentiable.Of(() => gradient(x), upstream => hessianTimes(x, upstream)).WithInput(x, "x"), options);
    }

    /// <summary>
    /// The Taylor-remainder test of every differentiated input along a random signed direction: a verdict without a
    /// tolerance (the remainder shrinks like t² for a right gradient, like t for a wrong one).
    /// </summary>
    /// <returns>One result per differentiated input, in order.</returns>
    /// <exception cref="GradientCheckException">The layer could not be evaluated (a fault, as in <see cref="Run(Differentiable, CheckOptions?)"/>).</exception>
    public static IReadOnlyList<TaylorResult> Taylor(Differentiable layer, int? seed = null) => LayerCheck.Taylor(layer, seed);
}
