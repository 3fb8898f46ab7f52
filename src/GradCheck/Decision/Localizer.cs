namespace GradCheck;

/// <summary>
/// Finds the wrong elements of an input whose directional probe failed, at a small fraction of an element-wise check:
/// a probe per block of a coarse grid (the heatmap), bisection down to one wrong element in the worst blocks, and a
/// sample of element checks in every failing block (with transposed partners, so a missing transpose shows).
/// </summary>
internal static class Localizer
{
    /// <summary>Inputs this small are checked element by element: cheaper than probing blocks.</summary>
    private const int SmallInput = 64;

    private const int MatrixBands = 8, VectorBands = 32, MinimumBlock = 16, SampledElements = 32, BisectedBlocks = 4;

    public static Localization Run(InputChecker input, Random random)
    {
        var shape = input.Shape;
        if (shape.Count <= SmallInput) return CheckEverything(input);

        var (bandRows, bandColumns) = Bands(shape);
        var heatmap = new ErrorHeatmap(shape, bandRows, bandColumns);
        var failing = new List<(int[] Indices, double Severity)>();
        foreach (var block in Blocks(shape, bandRows, bandColumns))
        {
            var probe = input.Probe(input.RandomDirection(block, random));
            heatmap.Add(block[0], probe.Verdict, probe.Error / Math.Max(Math.Max(Math.Abs(probe.Analytic), Math.Abs(probe.Numeric)), double.Epsilon));
            if (probe.Verdict != Verdict.Passed) failing.Add((block, probe.Error / Math.Max(probe.Tolerance, double.Epsilon)));
        }

        // The whole-input probe disagreed but no block does: no shortcut is safe, so look at everything.
        if (failing.Count == 0) return CheckEverything(input);

        failing.Sort((a, b) => b.Severity.CompareTo(a.Severity));
        foreach (var (block, _) in failing.Take(BisectedBlocks)) Bisect(input, block, random);

        var estimatedWrong = 0.0;
        var perBlock = Math.Max(1, SampledElements / failing.Count);
        foreach (var (block, _) in failing)
        {
            var sample = Sample(block, perBlock, random);
            var wrong = 0;
            foreach (var index in sample)
            {
                if (input.CheckElement(index) == Verdict.Failed) wrong++;
                if (shape.IsMatrix && shape.Rows == shape.Columns)
                {
                    var (row, column) = shape.Position(index);
                    input.CheckElement(shape.Index(column, row));
                }
            }

            estimatedWrong += Math.Max(wrong > 0 ? 1 : 0, (double)block.Length * wrong / sample.Length);
        }

        foreach (var element in input.CheckedElements()) heatmap.Add(element.Index, element.Verdict, element.RelativeError);
        var exactWrong = input.CheckedElements().Count(e => e.Verdict == Verdict.Failed);
        return new Localization(heatmap, Math.Max(exactWrong, (int)Math.Round(estimatedWrong)), IsEstimate: true);
    }

    public static Localization CheckEverything(InputChecker input)
    {
        input.CheckAllElements();
        return Summarize(input);
    }

    /// <summary>The heatmap and the exact count of an input whose every element has been checked.</summary>
    public static Localization Summarize(InputChecker input)
    {
        var heatmap = new ErrorHeatmap(input.Shape);
        var wrong = 0;
        foreach (var element in input.CheckedElements())
        {
            heatmap.Add(element.Index, element.Verdict, element.RelativeError);
            if (element.Verdict == Verdict.Failed) wrong++;
        }

        return new Localization(heatmap, wrong, IsEstimate: false);
    }

    /// <summary>Halves the block, following a half whose probe fails, down to one element, which is then checked.</summary>
    private static void Bisect(InputChecker input, int[] block, Random random)
    {
        var current = block;
        while (current.Length > 1)
        {
            var half = current.Length / 2;
            var left = current[..half];
            var right = current[half..];
            if (input.Probe(input.RandomDirection(left, random)).Verdict != Verdict.Passed) current = left;
            else if (input.Probe(input.RandomDirection(right, random)).Verdict != Verdict.Passed) current = right;
            else return; // the block's error cancels between its halves; sampling covers it
        }

        input.CheckElement(current[0]);
    }

    /// <summary>A grid of at most 8×8 blocks (32 for a vector), coarser for small inputs so a block holds ≥ 16 elements.</summary>
    private static (int Rows, int Columns) Bands(TensorShape shape)
    {
        var rows = shape.IsMatrix ? Math.Min(shape.Rows, MatrixBands) : 1;
        var columns = shape.IsMatrix ? Math.Min(shape.Columns, MatrixBands) : Math.Min(shape.Rows, VectorBands);
        while (rows * columns > Math.Max(1, shape.Count / MinimumBlock))
        {
            if (rows >= columns && rows > 1) rows--;
            else columns--;
        }

        return (rows, columns);
    }

    private static int[] Sample(int[] block, int count, Random random)
    {
        if (block.Length <= count) return block;
        var copy = (int[])block.Clone();
        random.Shuffle(copy);
        return copy[..count];
    }

    private static IEnumerable<int[]> Blocks(TensorShape shape, int bandRows, int bandColumns)
    {
        var columns = shape.IsMatrix ? shape.Columns : shape.Rows;
        for (var br = 0; br < bandRows; br++)
        {
            var rowStart = br * shape.Rows / bandRows;
            var rowEnd = (br + 1) * shape.Rows / bandRows;
            for (var bc = 0; bc < bandColumns; bc++)
            {
                var columnStart = bc * columns / bandColumns;
                var columnEnd = (bc + 1) * columns / bandColumns;
                if (!shape.IsMatrix)
                {
                    yield return Enumerable.Range(columnStart, columnEnd - columnStart).ToArray();
                    continue;
                }

                var block = new int[(rowEnd - rowStart) * (columnEnd - columnStart)];
                var i = 0;
                for (var c = columnStart; c < columnEnd; c++)
                    for (var r = rowStart; r < rowEnd; r++) block[i++] = shape.Index(r, c);
                yield return block;
            }
        }
    }
}

/// <summary>What localisation found: the heatmap and how many elements are wrong.</summary>
internal sealed record Localization(ErrorHeatmap Heatmap, int WrongElements, bool IsEstimate);
