using MathNet.Numerics.Distributions;

namespace GradCheck.Tests.Fixtures;

/// <summary>Random test data: standard-normal matrices and vectors, optionally kept away from a kink at 0.</summary>
internal static class Draw
{
    public static Matrix<double> Matrix(Random random, int rows, int columns, double scale = 1.0) =>
        Matrix<double>.Build.Dense(rows, columns, (_, _) => scale * Normal.Sample(random, 0, 1));

    public static Vector<double> Vector(Random random, int length, double scale = 1.0) =>
        Vector<double>.Build.Dense(length, _ => scale * Normal.Sample(random, 0, 1));

    /// <summary>Normal values pushed at least <paramref name="margin"/> away from 0 (ReLU's kink).</summary>
    public static Matrix<double> AwayFromZero(Random random, int rows, int columns, double margin = 0.05) =>
        Matrix(random, rows, columns).Map(v => v >= 0 ? v + margin : v - margin);

    /// <summary>One-hot rows: row i has a 1 in a random column.</summary>
    public static Matrix<double> OneHot(Random random, int rows, int classes)
    {
        var labels = Matrix<double>.Build.Dense(rows, classes);
        for (var r = 0; r < rows; r++) labels[r, random.Next(classes)] = 1;
        return labels;
    }

    public static int Size(Random random, int max = 10) => random.Next(1, max + 1);
}
