using GradCheck.TestInfrastructure.PlantedBugs;

namespace GradCheck.Xunit.Tests.Infrastructure;

/// <summary>
/// The independent yardstick for shrinking: tries every (N, D, M) up to 3 with the plain engine (no FsCheck) and
/// returns the smallest total size at which a planted bug shows.
/// </summary>
public static class SmallestRevealingSizes
{
    public static int TotalFor(AffineBackwardBugs.Backward backward)
    {
        var random = new Random(7);
        Matrix<double> Random(int rows, int columns) => Matrix<double>.Build.Dense(rows, columns, (_, _) => random.NextDouble() * 4 - 2);
        var candidates =
            from n in Enumerable.Range(1, 3)
            from d in Enumerable.Range(1, 3)
            from m in Enumerable.Range(1, 3)
            orderby n + d + m
            select (n, d, m);
        foreach (var (n, d, m) in candidates)
        {
            var x = Random(n, d);
            var w = Random(d, m);
            var b = Vector<double>.Build.Dense(m, _ => random.NextDouble());
            var differentiable = Differentiable.Of(() => Affine.Forward(x, w, b), dout => backward(dout, x, w))
                .WithInput(x).WithInput(w).WithInput(b);
            if (!GradientCheck.Run(differentiable, new CheckOptions { Seed = 1 }).Passed) return n + d + m;
        }

        throw new InvalidOperationException("The bug does not show at sizes up to 3.");
    }
}
