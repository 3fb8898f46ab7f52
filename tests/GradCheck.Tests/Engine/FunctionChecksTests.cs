namespace GradCheck.Tests.Engine;

/// <summary>Gradients of scalar functions (MathNet optimiser form), Jacobians and Hessians.</summary>
public class FunctionChecksTests
{
    private static double Rosenbrock(Vector<double> p) => Math.Pow(1 - p[0], 2) + 100 * Math.Pow(p[1] - p[0] * p[0], 2);

    private static Vector<double> RosenbrockGradient(Vector<double> p) => Vector<double>.Build.Dense(
    [
        -2 * (1 - p[0]) - 400 * p[0] * (p[1] - p[0] * p[0]),
        200 * (p[1] - p[0] * p[0]),
    ]);

    private static Matrix<double> RosenbrockHessian(Vector<double> p) => Matrix<double>.Build.DenseOfArray(new[,]
    {
        { 2 - 400 * p[1] + 1200 * p[0] * p[0], -400 * p[0] },
        { -400 * p[0], 200.0 },
    });

    private static readonly Vector<double> Point = Vector<double>.Build.Dense([-1.2, 1.0]);

    public static TheoryData<CheckMode> Modes => new(CheckMode.Default, CheckMode.Full);

    [Theory, MemberData(nameof(Modes))]
    public void Correct_gradient_passes(CheckMode mode) =>
        Assert.Equal(Verdict.Passed, GradientCheck.Gradient(Rosenbrock, RosenbrockGradient, Point.Clone(), new CheckOptions { Mode = mode }).Verdict);

    [Theory, MemberData(nameof(Modes))]
    public void Wrong_gradient_fails_at_the_wrong_element(CheckMode mode)
    {
        var result = GradientCheck.Gradient(Rosenbrock, p => { var g = RosenbrockGradient(p); g[1] *= 1.01; return g; }, Point.Clone(),
            new CheckOptions { Mode = mode });
        Assert.Equal(Verdict.Failed, result.Verdict);
        Assert.Equal(1, result.Inputs.Single().WorstElements[0].Row);
    }

    [Fact]
    public void EnsurePassed_throws_the_report_for_a_wrong_gradient_and_returns_a_passing_result()
    {
        var exception = Assert.Throws<GradientCheckException>(() =>
            GradientCheck.Gradient(Rosenbrock, p => -RosenbrockGradient(p), Point.Clone()).EnsurePassed());
        Assert.Contains("sign error", exception.Message);
        Assert.True(GradientCheck.Gradient(Rosenbrock, RosenbrockGradient, Point.Clone()).EnsurePassed().Passed);
    }

    [Fact]
    public void Gradient_check_leaves_the_point_untouched()
    {
        var point = Point.Clone();
        GradientCheck.Gradient(Rosenbrock, RosenbrockGradient, point);
        Assert.Equal(Point, point);
    }

    [Theory, MemberData(nameof(Modes))]
    public void Correct_jacobian_passes(CheckMode mode)
    {
        var x = Vector<double>.Build.Dense([0.5, -0.3, 1.1]);
        var result = GradientCheck.Jacobian(Polar, PolarJacobian, x, new CheckOptions { Mode = mode });
        Assert.Equal(Verdict.Passed, result.Verdict);
    }

    [Fact]
    public void Transposed_jacobian_is_a_shape_fault()
    {
        var x = Vector<double>.Build.Dense([0.5, -0.3, 1.1]);
        var result = GradientCheck.Jacobian(Polar, p => PolarJacobian(p).Transpose(), x);
        Assert.Equal(FaultKind.WrongGradientShape, result.Fault?.Kind);
        Assert.Contains("The Jacobian is 3×2; expected 2×3 (outputs × inputs)", result.Report);
    }

    [Fact]
    public void Wrong_jacobian_entry_fails()
    {
        var x = Vector<double>.Build.Dense([0.5, -0.3, 1.1]);
        var result = GradientCheck.Jacobian(Polar, p => { var j = PolarJacobian(p); j[1, 2] = 0; return j; }, x,
            new CheckOptions { Mode = CheckMode.Full });
        Assert.Equal(Verdict.Failed, result.Verdict);
    }

    [Theory, MemberData(nameof(Modes))]
    public void Correct_hessian_passes(CheckMode mode) =>
        Assert.Equal(Verdict.Passed, GradientCheck.Hessian(RosenbrockGradient, RosenbrockHessian, Point.Clone(), new CheckOptions { Mode = mode }).Verdict);

    [Fact]
    public void Hessian_with_a_missing_factor_fails()
    {
        var result = GradientCheck.Hessian(RosenbrockGradient, p => RosenbrockHessian(p) * 0.5, Point.Clone());
        Assert.Equal(Verdict.Failed, result.Verdict);
        Assert.Contains("1/2 x numeric", result.Report);
    }

    [Fact]
    public void Hessian_vector_product_is_checked()
    {
        Assert.True(GradientCheck.HessianVectorProduct(RosenbrockGradient, (p, v) => RosenbrockHessian(p) * v, Point.Clone()).Passed);
        Assert.False(GradientCheck.HessianVectorProduct(RosenbrockGradient, (p, v) => RosenbrockHessian(p).Transpose() * v * 1.001, Point.Clone()).Passed);
    }

    // (r, θ·z): ℝ³ → ℝ², a small nonlinear map with a full Jacobian.
    private static Vector<double> Polar(Vector<double> p) =>
        Vector<double>.Build.Dense([Math.Sqrt(p[0] * p[0] + p[1] * p[1]), Math.Atan2(p[1], p[0]) * p[2]]);

    private static Matrix<double> PolarJacobian(Vector<double> p)
    {
        var r2 = p[0] * p[0] + p[1] * p[1];
        var r = Math.Sqrt(r2);
        return Matrix<double>.Build.DenseOfArray(new[,]
        {
            { p[0] / r, p[1] / r, 0 },
            { -p[1] / r2 * p[2], p[0] / r2 * p[2], Math.Atan2(p[1], p[0]) },
        });
    }
}
