namespace GradCheck.Tests.Engine;

/// <summary>
/// What the localiser reports for inputs too large to check element by element: the estimated count of wrong elements,
/// that it is an estimate, and the heatmap of blocks. The planted bugs fill whole blocks (or a single element), so the
/// numbers do not depend on which elements the sample happens to draw.
/// </summary>
public class LocalizationTests
{
    private static readonly CheckOptions Options = new() { Seed = 11 };

    /// <summary>½‖x‖² at x = 1, 1.01, 1.02, …: its gradient is x; <paramref name="wrong"/> says which elements are off by half.</summary>
    private static CheckResult CheckHalfSquaredNorm(int length, Func<int, bool> wrong, CheckOptions? options = null)
    {
        var x = Vector<double>.Build.Dense(length, i => 1 + 0.01 * (i % 50));
        return GradientCheck.Gradient(p => 0.5 * p.DotProduct(p), p => p.MapIndexed((i, v) => wrong(i) ? 1.5 * v : v), x, options ?? Options);
    }

    /// <summary>The same for a matrix: ½‖W‖², the elements in <paramref name="wrong"/> (row, column) off by half.</summary>
    private static CheckResult CheckHalfSquaredNorm(int rows, int columns, Func<int, int, bool> wrong)
    {
        var w = Matrix<double>.Build.Dense(rows, columns, (r, c) => 1 + 0.01 * ((r * columns + c) % 50));
        return GradientCheck.Run(Differentiable.Of(
                () => 0.5 * w.PointwiseMultiply(w).Enumerate().Sum(),
                d => w.MapIndexed((r, c, v) => d * (wrong(r, c) ? 1.5 * v : v)))
            .WithInput(w, "W"), Options);
    }

    private static string[] HeatmapRows(InputResult input) =>
        input.Heatmap!.ToString().Split('\n').Skip(1).Select(line => line.Trim()).ToArray();

    [Fact]
    public void A_vector_of_64_elements_is_checked_element_by_element_and_its_count_is_exact()
    {
        var input = CheckHalfSquaredNorm(64, i => i == 40).Inputs.Single();

        Assert.Equal(Verdict.Failed, input.Verdict);
        Assert.Equal(64, input.CheckedElementCount);
        Assert.Equal(1, input.WrongElementCount);
        Assert.False(input.WrongElementCountIsEstimate);
        Assert.Equal(40, Assert.Single(input.WorstElements).Index);
        // 32 bands of two elements; element 40 is in band 20.
        Assert.Equal(["|" + new string('.', 20) + "#" + new string('.', 11) + "|"], HeatmapRows(input));
    }

    [Fact]
    public void A_vector_of_65_elements_is_localised_to_the_one_block_that_fails()
    {
        var input = CheckHalfSquaredNorm(65, i => i == 40).Inputs.Single();

        Assert.Equal(Verdict.Failed, input.Verdict);
        // Four blocks (0–15, 16–31, 32–47, 48–64); only the third fails, and it is small enough to check whole.
        Assert.Equal(16, input.CheckedElementCount);
        Assert.Equal(1, input.FailedElementCount);
        Assert.Equal(1, input.WrongElementCount);
        Assert.True(input.WrongElementCountIsEstimate);
        Assert.Equal(40, Assert.Single(input.WorstElements).Index);
    }

    [Fact]
    public void The_heatmap_of_a_localised_vector_marks_the_failing_block_and_the_passing_ones()
    {
        // 80 elements in five blocks of 16: element 40 is in the third.
        var input = CheckHalfSquaredNorm(80, i => i == 40).Inputs.Single();

        Assert.Equal(16, input.CheckedElementCount);
        Assert.Equal(["|..#..|"], HeatmapRows(input));
    }

    [Fact]
    public void The_heatmap_of_a_vector_whose_length_the_bands_do_not_divide_marks_the_block_that_failed()
    {
        // 65 elements in blocks 0–15, 16–31, 32–47, 48–64, as ColumnsOf labels them; element 40 is in the third.
        var input = CheckHalfSquaredNorm(65, i => i == 40).Inputs.Single();

        Assert.Equal((32, 47), input.Heatmap!.ColumnsOf(2));
        Assert.Equal(["|..#.|"], HeatmapRows(input));
    }

    [Fact]
    public void Wrong_blocks_of_a_long_vector_are_counted_in_full_from_a_sample()
    {
        // 512 elements in 32 blocks of 16; blocks 4, 5 and 6 (elements 64–111) are wrong throughout.
        var input = CheckHalfSquaredNorm(512, i => i is >= 64 and < 112).Inputs.Single();

        Assert.Equal(Verdict.Failed, input.Verdict);
        Assert.Equal(48, input.WrongElementCount);
        Assert.True(input.WrongElementCountIsEstimate);
        // A sample of each failing block (ten of its sixteen elements) and one bisected element per block: not all 48.
        Assert.InRange(input.FailedElementCount, 10, 47);
        Assert.Equal(input.FailedElementCount, input.CheckedElementCount);
        Assert.Equal(["|...." + "###" + new string('.', 25) + "|"], HeatmapRows(input));
    }

    [Fact]
    public void The_worst_blocks_are_bisected_down_to_their_wrong_element()
    {
        // Eight blocks with one wrong element each, the later ones worse: only the four worst are bisected, and the
        // sample of four elements per block may miss the others' wrong element, but never a bisected one.
        // Every x alike, so the elements' error bars are alike and the errors (fourfold apart) order them.
        double[] errors = [0.001, 0.002, 0.004, 0.008, 1.0 / 16, 1.0 / 8, 1.0 / 4, 1.0 / 2];
        var wrongAt = errors.Select((_, b) => 16 * (4 * b + 1) + 5).ToArray();
        var x = Vector<double>.Build.Dense(512, 1.25);
        var result = GradientCheck.Gradient(p => 0.5 * p.DotProduct(p),
            p => p.MapIndexed((i, v) => Array.IndexOf(wrongAt, i) is var b and >= 0 ? (1 + errors[b]) * v : v), x,
            Options with { ReportedElements = 8 });
        var input = result.Inputs.Single();

        Assert.Equal(Verdict.Failed, input.Verdict);
        Assert.Equal(wrongAt[4..].Reverse(), input.WorstElements.Take(4).Select(e => e.Index));
        Assert.True(input.WrongElementCountIsEstimate);
        Assert.InRange(input.WrongElementCount, 4, 8 * 4);
    }

    [Fact]
    public void A_medium_matrix_is_localised_on_a_five_by_five_grid()
    {
        // 20×20 in 5×5 blocks of 4×4; rows 4–7 (the second row band) are wrong throughout: five whole blocks.
        var input = CheckHalfSquaredNorm(20, 20, (r, _) => r is >= 4 and < 8).Inputs.Single();

        Assert.Equal(Verdict.Failed, input.Verdict);
        Assert.Equal(80, input.WrongElementCount);
        Assert.True(input.WrongElementCountIsEstimate);
        Assert.InRange(input.FailedElementCount, 5, 79);
        Assert.Equal(["|.....|", "|#####|", "|.....|", "|.....|", "|.....|"], HeatmapRows(input));
        Assert.All(input.WorstElements, e => Assert.InRange(e.Row, 4, 7));
    }

    [Fact]
    public void A_large_matrix_wrong_everywhere_is_counted_wrong_everywhere()
    {
        // 40×40 in 8×8 blocks of 25: every block fails, the sample gets one element each, and each is wrong.
        var input = CheckHalfSquaredNorm(40, 40, (_, _) => true).Inputs.Single();

        Assert.Equal(1600, input.WrongElementCount);
        Assert.True(input.WrongElementCountIsEstimate);
        Assert.All(HeatmapRows(input), row => Assert.Equal("|########|", row));
    }
}
