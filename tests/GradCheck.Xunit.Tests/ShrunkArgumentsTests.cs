using GradCheck.Parameters;
using GradCheck.Xunit.Tests.Fixtures;
using GradCheck.Xunit.Tests.Infrastructure;

namespace GradCheck.Xunit.Tests;

/// <summary>
/// Every shrunk argument is in the report: small ones whole, with the digits that tell them apart; large ones summarised,
/// pointing at the replay.
/// </summary>
public class ShrunkArgumentsTests
{
    [Fact]
    public void A_tensor_too_large_to_print_is_summarised_with_a_pointer_to_the_replay_and_the_others_are_printed()
    {
        var result = GradientProperty.Run(typeof(ShrinkingProperties), nameof(ShrinkingProperties.WrongFromTheNinthRow),
            Cancellable.Options(new PropertyOptions { StartSize = 100, EndSize = 100, Replay = "99,101" }));

        Assert.Equal(PropertyVerdict.Failed, result.Verdict);
        var line = result.Message.ReplaceLineEndings("\n").Split('\n').Single(l => l.StartsWith("Shrunk arguments: ", StringComparison.Ordinal));
        Assert.Matches(@"^Shrunk arguments: x = 9×9 matrix in \[-?\d[\d.]*, -?\d[\d.]*\] \(too many elements to print: replay to inspect it\), " +
            @"v = \[-?[\d.]+, -?[\d.]+\], scale = 0\.\d+, label = -?\d+$", line);
        Assert.Equal(9, result.ShrunkSizes["N"]);
    }

    [Fact]
    public void Values_sharing_a_large_offset_are_printed_with_the_digits_that_tell_them_apart()
    {
        var result = GradientProperty.Run(([Between(1000, 1000.01), Shape("N")] Vector<double> v) =>
        {
            Sample.Require(v.Count >= 3, "fewer than 3 elements");
            return Differentiable.Of(() => v.DotProduct(v), dout => dout * v);   // the 2 of d(v·v) forgotten
        }, Cancellable.Options(new PropertyOptions { Replay = "5,7" }));

        Assert.Equal(PropertyVerdict.Failed, result.Verdict);
        var line = result.Message.ReplaceLineEndings("\n").Split('\n').Single(l => l.StartsWith("Shrunk arguments: v = [", StringComparison.Ordinal));
        var printed = line["Shrunk arguments: v = [".Length..^1].Split(", ");
        Assert.True(printed.Length >= 3 && printed.Distinct().Count() == printed.Length, line);
        Assert.All(printed, p => Assert.StartsWith("1000.0", p));
    }
}
