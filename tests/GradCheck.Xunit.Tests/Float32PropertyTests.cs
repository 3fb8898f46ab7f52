using GradCheck.Xunit.Tests.Fixtures;
using GradCheck.Xunit.Tests.Infrastructure;

namespace GradCheck.Xunit.Tests;

/// <summary>[GradCheck] methods over Matrix&lt;float&gt; and Vector&lt;float&gt;: drawn as float32 numbers, checked in float32.</summary>
public class Float32PropertyTests
{
    [Fact]
    public void A_correct_float32_layer_passes_and_is_given_float32_tensors_of_the_drawn_shapes()
    {
        Float32Properties.Drawn.Clear();
        var result = GradientProperty.Run(typeof(Float32Properties), nameof(Float32Properties.Gelu), Cancellable.Options(new PropertyOptions { Samples = 60 }));
        Assert.True(result.Passed, result.Message);
        Assert.True(Float32Properties.Drawn.Count >= 60);
        Assert.Contains(Float32Properties.Drawn, x => x.RowCount > 1 && x.ColumnCount > 1);
    }

    [Fact]
    public void A_transposed_float32_weight_gradient_fails_shrinks_and_is_diagnosed()
    {
        var result = GradientProperty.Run(typeof(Float32Properties), nameof(Float32Properties.AffineWithTransposedWeightGradient),
            Cancellable.Options(new PropertyOptions { Samples = 60 }));
        Assert.False(result.Passed);
        Assert.Equal(Verdict.Failed, result.Check!.Inputs.Single(i => i.Name == "w").Verdict);
        Assert.Contains("Input 'w'", result.Message);
        Assert.Equal(DiagnosisKind.Transposed, result.Check.Inputs.Single(i => i.Name == "w").Diagnosis?.Kind);
    }
}
