using GradCheck.TestInfrastructure.PlantedBugs;

namespace GradCheck.Xunit.Tests.Infrastructure;

/// <summary>
/// The independent yardstick for shrinking: tries every (N, D, M) up to 3 with the plain engine (no FsCheck) and
/// returns the smallest total size at which a planted bug shows as the same bug: the same wrong inputs with the same
/// kinds of diagnosis as on a larger sample (shrinking keeps that character, so a sign error needs two elements).
/// </summary>
public static class SmallestRevealingSizes
{
    public static int TotalFor(AffineBackwardBugs.Backward backward)
    {
        var random = new Random(7);
        Matrix<double> Random(int rows, int columns) => Matrix<double>.Build.Dense(rows, columns, (_, _) => random.NextDouble() * 4 - 2);

        string Character(int n, int d, int m)
        {
            var x = Random(n, d);
            var w = Random(d, m);
            var b = Vector<double>.Build.Dense(m, _ => random.NextDouble());
            var differentiable = Differentiable.Of(() => Affine.Forward(x, w, b), dout => backward(dout, x, w))
                .WithInput(x).WithInput(w).WithInput(b);
            var result = GradientCheck.Run(differentiable, new CheckOptions { Seed = 1 });
            return result.Fault is { } fault ? $"fault {fault.Kind}"
                : result.Passed ? "passed"
                : string.Join(", ", result.Inputs.Where(i => i.Verdict == Verdict.Failed).Select(i => $"{i.Name}: {i.Diagnosis?.Kind}"));
        }

        var large = Character(4, 3, 5);
        var candidates =
            from n in Enumerable.Range(1, 3)
            from d in Enumerable.Range(1, 3)
            from m in Enumerable.Range(1, 3)
            orderby n + d + m
            select (n, d, m);
        foreach (var (n, d, m) in candidates)
            if (Character(n, d, m) == large) return n + d + m;

        throw new InvalidOperationException($"The bug does not show as on a larger sample ({large}) at sizes up to 3.");
    }
}
