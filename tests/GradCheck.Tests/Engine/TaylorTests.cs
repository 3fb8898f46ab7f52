using GradCheck.Tests.Fixtures;

namespace GradCheck.Tests.Engine;

/// <summary>The tolerance-free verdict: the Taylor remainder shrinks like t² for a right gradient and like t for a wrong one.</summary>
public class TaylorTests
{
    [Fact]
    public void Correct_gradients_show_second_order_remainders()
    {
        var check = LayerCatalog.Correct["two-layer network"](new Random(1));
        var results = GradientCheck.Taylor(check, seed: 2);
        Assert.Equal(4, results.Count);
        Assert.All(results, r => Assert.True(r.IsConsistent, r.ToString()));
        Assert.All(results, r => Assert.InRange(r.Order, 1.8, 2.3));   // the network is not linear in any parameter group
    }

    [Fact]
    public void Wrong_gradient_shows_first_order_remainder()
    {
        var results = GradientCheck.Taylor(PlantedBugs.WeightGradientSignFlipped(new Random(3)), seed: 4);
        Assert.True(results[0].IsConsistent, results[0].ToString());   // dx is right
        Assert.True(results[1].IsWrong, results[1].ToString());        // dW has the wrong sign
        Assert.InRange(results[1].Order, 0.8, 1.2);
    }

    [Fact]
    public void Failures_are_confirmed_by_the_Taylor_test_in_the_report()
    {
        var result = GradientCheck.Run(PlantedBugs.WeightGradientTransposed(new Random(5)), new CheckOptions { Seed = 6 });
        var confirmation = result.Inputs.Single(i => i.Name == "w").Confirmation;
        Assert.NotNull(confirmation);
        Assert.True(confirmation.IsWrong, confirmation.ToString());
        Assert.Contains("the gradient is wrong", result.Report);
    }

    [Fact]
    public void Remainders_are_recorded_for_every_step()
    {
        var x = Vector<double>.Build.Dense([0.3, -0.4]);
        var result = GradientCheck.Taylor(Differentiable.Of(() => x.PointwiseExp().Sum(), d => x.PointwiseExp() * d).WithInput(x)).Single();
        Assert.Equal(result.Steps.Count, result.Remainders.Count);
        Assert.True(result.Steps.Zip(result.Steps.Skip(1)).All(p => p.First > p.Second));
        Assert.True(result.IsConsistent, result.ToString());
    }

    [Fact]
    public void Taylor_on_a_faulty_layer_throws_with_the_fault()
    {
        var x = Vector<double>.Build.Dense([0.3]);
        var exception = Assert.Throws<GradientCheckException>(() =>
            GradientCheck.Taylor(Differentiable.Of(() => x * 2, d => d.ToRowMatrix()).WithInput(x)));
        Assert.Equal(FaultKind.WrongGradientShape, exception.Result.Fault?.Kind);
    }
}
