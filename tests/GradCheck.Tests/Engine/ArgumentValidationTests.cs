namespace GradCheck.Tests.Engine;

/// <summary>Invalid options, null arguments and wrongly shaped Jacobians and Hessians are refused, naming the culprit.</summary>
public class ArgumentValidationTests
{
    private static Differentiable Square()
    {
        var x = Vector<double>.Build.Dense([0.5, -1.5]);
        return Differentiable.Of(() => x.DotProduct(x), d => 2 * d * x).WithInput(x);
    }

    public static TheoryData<CheckOptions, string> InvalidOptions => new()
    {
        { new CheckOptions { RelativeTolerance = -1e-12 }, nameof(CheckOptions.RelativeTolerance) },
        { new CheckOptions { RelativeTolerance = double.NaN }, nameof(CheckOptions.RelativeTolerance) },
        { new CheckOptions { RelativeTolerance = double.PositiveInfinity }, nameof(CheckOptions.RelativeTolerance) },
        { new CheckOptions { AbsoluteTolerance = -1e-12 }, nameof(CheckOptions.AbsoluteTolerance) },
        { new CheckOptions { AbsoluteTolerance = double.NaN }, nameof(CheckOptions.AbsoluteTolerance) },
        { new CheckOptions { AbsoluteTolerance = double.PositiveInfinity }, nameof(CheckOptions.AbsoluteTolerance) },
        { new CheckOptions { DirectionsPerInput = 0 }, nameof(CheckOptions.DirectionsPerInput) },
        { new CheckOptions { MaxDegreeOfParallelism = 0 }, nameof(CheckOptions.MaxDegreeOfParallelism) },
        { new CheckOptions { ReportedElements = 0 }, nameof(CheckOptions.ReportedElements) },
    };

    [Theory, MemberData(nameof(InvalidOptions))]
    public void An_invalid_option_is_refused_naming_it(CheckOptions options, string name)
    {
        Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => GradientCheck.Run(Square(), options)).ParamName);
        Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => GradientCheck.Run(Square, options)).ParamName);
    }

    [Fact]
    public void The_smallest_valid_options_are_accepted()
    {
        var smallest = new CheckOptions
        {
            RelativeTolerance = 0, AbsoluteTolerance = 0, DirectionsPerInput = 1, MaxDegreeOfParallelism = 1, ReportedElements = 1, Seed = 61,
        };
        Assert.Equal(Verdict.Passed, GradientCheck.Run(Square(), smallest).Verdict);
        Assert.Equal(Verdict.Passed, GradientCheck.Run(Square, smallest with { Mode = CheckMode.Full }).Verdict);
    }

    [Fact]
    public void Null_arguments_are_refused_naming_them()
    {
        var x = Vector<double>.Build.Dense([1.0]);
        Func<Vector<double>, double> f = p => p[0];
        Func<Vector<double>, Vector<double>> g = p => p;
        Func<Vector<double>, Matrix<double>> m = p => Matrix<double>.Build.Dense(1, 1);
        Func<Vector<double>, Vector<double>, Vector<double>> hv = (p, v) => v;

        Assert.Equal("differentiable", Assert.Throws<ArgumentNullException>(() => GradientCheck.Run((Differentiable)null!)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => DifferentiableCheck.Run(Square(), null!)).ParamName);
        Assert.Equal("create", Assert.Throws<ArgumentNullException>(() => GradientCheck.Run((Func<Differentiable>)null!)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => DifferentiableCheck.Run(Square, null!)).ParamName);
        Assert.Equal("differentiable", Assert.Throws<ArgumentNullException>(() => GradientCheck.Taylor(null!)).ParamName);
        Assert.Equal("function", Assert.Throws<ArgumentNullException>(() => GradientCheck.Gradient(null!, g, x)).ParamName);
        Assert.Equal("gradient", Assert.Throws<ArgumentNullException>(() => GradientCheck.Gradient(f, null!, x)).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentNullException>(() => GradientCheck.Gradient(f, g, null!)).ParamName);
        Assert.Equal("function", Assert.Throws<ArgumentNullException>(() => GradientCheck.Jacobian(null!, m, x)).ParamName);
        Assert.Equal("jacobian", Assert.Throws<ArgumentNullException>(() => GradientCheck.Jacobian(g, null!, x)).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentNullException>(() => GradientCheck.Jacobian(g, m, null!)).ParamName);
        Assert.Equal("hessian", Assert.Throws<ArgumentNullException>(() => GradientCheck.Hessian(g, null!, x)).ParamName);
        Assert.Equal("gradient", Assert.Throws<ArgumentNullException>(() => GradientCheck.Hessian(null!, m, x)).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentNullException>(() => GradientCheck.Hessian(g, m, null!)).ParamName);
        Assert.Equal("hessianTimes", Assert.Throws<ArgumentNullException>(() => GradientCheck.HessianVectorProduct(g, null!, x)).ParamName);
    }

    [Fact]
    public void A_factory_that_returns_null_is_refused_naming_it()
    {
        var exception = Assert.Throws<ArgumentException>(() => GradientCheck.Run(() => null!, new CheckOptions { Mode = CheckMode.Full }));
        Assert.Equal("create", exception.ParamName);
    }

    [Theory]
    [InlineData(3, 2)]
    [InlineData(2, 3)]
    public void A_jacobian_of_the_wrong_shape_is_a_fault_saying_both_shapes(int rows, int columns)
    {
        // F: ℝ² → ℝ², so J must be 2×2.
        var result = GradientCheck.Jacobian(p => 2 * p, p => Matrix<double>.Build.Dense(rows, columns, 2.0), Vector<double>.Build.Dense([0.5, 1.5]));
        Assert.Equal(FaultKind.WrongGradientShape, result.Fault?.Kind);
        Assert.Contains($"The Jacobian is {rows}×{columns}; expected 2×2", result.Report);
    }

    [Theory]
    [InlineData(3, 2)]
    [InlineData(2, 3)]
    public void A_hessian_of_the_wrong_shape_is_a_fault_saying_both_shapes(int rows, int columns)
    {
        var result = GradientCheck.Hessian(p => 2 * p, p => Matrix<double>.Build.Dense(rows, columns, 2.0), Vector<double>.Build.Dense([0.5, 1.5]));
        Assert.Equal(FaultKind.WrongGradientShape, result.Fault?.Kind);
        Assert.Contains($"The Hessian is {rows}×{columns}; expected 2×2", result.Report);
    }

    [Fact]
    public void Right_shapes_pass()
    {
        var x = Vector<double>.Build.Dense([0.5, 1.5]);
        Assert.Equal(Verdict.Passed, GradientCheck.Jacobian(p => 2 * p, p => Matrix<double>.Build.DenseIdentity(2) * 2, x).Verdict);
        Assert.Equal(Verdict.Passed, GradientCheck.Hessian(p => 2 * p, p => Matrix<double>.Build.DenseIdentity(2) * 2, x).Verdict);
    }
}
