using MathNet.Numerics.LinearAlgebra;

namespace GradCheck;

/// <summary>
/// Entry points of the engine: check a backward pass, a gradient, a Jacobian or a Hessian against centred
/// finite differences. <c>Run</c>-style methods return a <see cref="CheckResult"/>; <c>Assert</c>-style methods throw a
/// <see cref="GradientCheckException"/> whose message is the report.
/// </summary>
public static class GradientCheck
{
    /// <summary>Checks a backward pass as a vector–Jacobian product against a random upstream gradient.</summary>
    public static CheckResult Run(Differentiable differentiable, CheckOptions? options = null) =>
        DifferentiableCheck.Run(differentiable, options ?? CheckOptions.Default);

    /// <summary>Like <see cref="Run(Differentiable, CheckOptions?)"/>, throwing unless the check passes.</summary>
    /// <returns>The passing result.</returns>
    /// <exception cref="GradientCheckException">The gradient is wrong, or the check could not run.</exception>
    public static CheckResult Assert(Differentiable differentiable, CheckOptions? options = null) => Run(differentiable, options).EnsurePassed();

    /// <summary>
    /// Checks a <see cref="Differentiable"/> built by <paramref name="create"/>, which must build it over fresh copies of its inputs at each
    /// call: a <see cref="CheckMode.Full"/> check then shares the elements out between the cores
    /// (<see cref="CheckOptions.MaxDegreeOfParallelism"/>), one instance each. The passes must be safe to run on two
    /// instances at once (MathNet operations on separate matrices are). Other modes use one instance.
    /// </summary>
    /// <example>
    /// <code>GradientCheck.Run(() => { var (x2, w2) = (x.Clone(), w.Clone()); return Differentiable.Of(() => x2 * w2, …).WithInput(x2).WithInput(w2); },
    ///     new CheckOptions { Mode = CheckMode.Full });</code>
    /// </example>
    public static CheckResult Run(Func<Differentiable> create, CheckOptions? options = null) =>
        DifferentiableCheck.Run(create, options ?? CheckOptions.Default);

    /// <summary>Like <see cref="Run(Func{Differentiable}, CheckOptions?)"/>, throwing unless the check passes.</summary>
    /// <exception cref="GradientCheckException">The gradient is wrong, or the check could not run.</exception>
    public static CheckResult Assert(Func<Differentiable> create, CheckOptions? options = null) => Run(create, options).EnsurePassed();

    /// <summary>
    /// Checks the gradient of a scalar function of a vector, the form MathNet's optimisers take
    /// (for example <c>ObjectiveFunction.Gradient(value, gradient)</c>).
    /// </summary>
    /// <param name="function">f(x).</param>
    /// <param name="gradient">∇f(x), a vector of x's length.</param>
    /// <param name="x">The point; never changed (the check perturbs copies, one per core in a full check).</param>
    /// <param name="options">Settings; the defaults when null.</param>
    public static CheckResult Gradient(Func<Vector<double>, double> function, Func<Vector<double>, Vector<double>> gradient,
        Vector<double> x, CheckOptions? options = null)
        => GradientOf(function, gradient, x, options);

    /// <summary>Checks the gradient of a float32 scalar function of a float32 vector, in float32.</summary>
    /// <inheritdoc cref="Gradient(Func{Vector{double}, double}, Func{Vector{double}, Vector{double}}, Vector{double}, CheckOptions?)" path="/param"/>
    public static CheckResult Gradient(Func<Vector<float>, float> function, Func<Vector<float>, Vector<float>> gradient,
        Vector<float> x, CheckOptions? options = null)
        => GradientOf(function, gradient, x, options);

    /// <summary>Checks the Jacobian of a vector function ℝⁿ → ℝᵐ: J is m×n, row i the gradient of output i.</summary>
    /// <param name="function">F(x), a vector of length m.</param>
    /// <param name="jacobian">J(x), an m×n matrix.</param>
    /// <param name="x">The point; never changed (the check perturbs copies, one per core in a full check).</param>
    /// <param name="options">Settings; the defaults when null.</param>
    public static CheckResult Jacobian(Func<Vector<double>, Vector<double>> function, Func<Vector<double>, Matrix<double>> jacobian,
        Vector<double> x, CheckOptions? options = null)
        => JacobianOf(function, jacobian, x, options);

    /// <summary>Checks the Jacobian of a float32 vector function, in float32: J is m×n, row i the gradient of output i.</summary>
    /// <inheritdoc cref="Jacobian(Func{Vector{double}, Vector{double}}, Func{Vector{double}, Matrix{double}}, Vector{double}, CheckOptions?)" path="/param"/>
    public static CheckResult Jacobian(Func<Vector<float>, Vector<float>> function, Func<Vector<float>, Matrix<float>> jacobian,
        Vector<float> x, CheckOptions? options = null)
        => JacobianOf(function, jacobian, x, options);

    /// <summary>
    /// Checks a Hessian against finite differences of the gradient (Hessian–vector products), for Newton-type optimisers.
    /// </summary>
    /// <param name="gradient">∇f(x), itself already checked.</param>
    /// <param name="hessian">H(x), an n×n matrix.</param>
    /// <param name="x">The point; never changed (the check perturbs copies, one per core in a full check).</param>
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
    /// <param name="x">The point; never changed (the check perturbs copies, one per core in a full check).</param>
    /// <param name="options">Settings; the defaults when null.</param>
    public static CheckResult HessianVectorProduct(Func<Vector<double>, Vector<double>> gradient,
        Func<Vector<double>, Vector<double>, Vector<double>> hessianTimes, Vector<double> x, CheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        ArgumentNullException.ThrowIfNull(hessianTimes);
        ArgumentNullException.ThrowIfNull(x);
        // The gradient is the "forward" output; the VJP of ∇f with u is Hᵀu = Hu, H being symmetric.
        return Run(() =>
        {
            var point = x.Clone();
            return Differentiable.Of(() => gradient(point), upstream => hessianTimes(point, upstream)).WithInput(point, "x");
        }, options);
    }

    // One body for both precisions: each instance works on its own copy of x, so a full check can use every core.
    private static CheckResult GradientOf<T>(Func<Vector<T>, T> function, Func<Vector<T>, Vector<T>> gradient, Vector<T> x, CheckOptions? options)
        where T : struct, IEquatable<T>, IFormattable, System.Numerics.IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(gradient);
        ArgumentNullException.ThrowIfNull(x);
        return Run(() =>
        {
            var point = x.Clone();
            return Differentiable.Of<T>(() => function(point), upstream => gradient(point) * upstream).WithInput(point, "x");
        }, options);
    }

    private static CheckResult JacobianOf<T>(Func<Vector<T>, Vector<T>> function, Func<Vector<T>, Matrix<T>> jacobian, Vector<T> x,
        CheckOptions? options)
        where T : struct, IEquatable<T>, IFormattable, System.Numerics.IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(jacobian);
        ArgumentNullException.ThrowIfNull(x);
        return Run(() =>
        {
            var point = x.Clone();
            return Differentiable.Of(() => function(point), upstream =>
            {
                var j = jacobian(point);
                if (j.RowCount != upstream.Count || j.ColumnCount != point.Count)
                    throw Guards.Fault(FaultKind.WrongGradientShape,
                        $"The Jacobian is {j.RowCount}×{j.ColumnCount}; expected {upstream.Count}×{point.Count} (outputs × inputs).", "x");
                return j.TransposeThisAndMultiply(upstream);
            }).WithInput(point, "x");
        }, options);
    }

    /// <summary>
    /// Checks a layer written once for any element type twice, one call: in float32, the precision it usually ships in,
    /// and in double, where finite differences resolve errors some 10⁵ times smaller. A bug shows in both; an error that
    /// shows only in float32 is the float32 code's own (an overflow, a cancellation).
    /// </summary>
    /// <param name="factory">Builds the layer in either precision, over fresh inputs at each call.</param>
    /// <param name="options">Settings for both checks; the defaults when null.</param>
    /// <returns>The float32 check's result and the double check's.</returns>
    public static (CheckResult Single, CheckResult Double) RunInBothPrecisions(IDifferentiableFactory factory, CheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return (Run(factory.Create<float>, options), Run(factory.Create<double>, options));
    }

    /// <summary>Like <see cref="RunInBothPrecisions"/>, throwing unless both checks pass (the float32 one's report first).</summary>
    /// <exception cref="GradientCheckException">A gradient is wrong in either precision, or a check could not run.</exception>
    public static (CheckResult Single, CheckResult Double) AssertInBothPrecisions(IDifferentiableFactory factory, CheckOptions? options = null)
    {
        var (single, @double) = RunInBothPrecisions(factory, options);
        return (single.EnsurePassed(), @double.EnsurePassed());
    }

    /// <summary>
    /// The Taylor-remainder test of every differentiated input along a random signed direction: a verdict without a
    /// tolerance (the remainder shrinks like t² for a right gradient, like t for a wrong one).
    /// </summary>
    /// <returns>One result per differentiated input, in order.</returns>
    /// <exception cref="GradientCheckException">The layer could not be evaluated (a fault, as in <see cref="Run(Differentiable, CheckOptions?)"/>).</exception>
    public static IReadOnlyList<TaylorResult> Taylor(Differentiable differentiable, int? seed = null) => DifferentiableCheck.Taylor(differentiable, seed);
}
