namespace GradCheck.Optimization;

/// <summary>
/// L2-regularised logistic regression, f(w) = mean(softplus(Xw) − y∘Xw) + λ‖w‖², with its hand-written gradient
/// ∇f(w) = Xᵀ(σ(Xw) − y)/n + 2λw: the kind of objective one writes for MathNet's optimisers and gets subtly wrong.
/// </summary>
public sealed class LogisticRegressionObjective
{
    /// <summary>Creates the objective over features <paramref name="x"/> (one row per example) and 0/1 labels <paramref name="y"/>.</summary>
    /// <param name="x">n×d features.</param>
    /// <param name="y">n labels, each 0 or 1.</param>
    /// <param name="lambda">The L2 penalty's weight.</param>
    public LogisticRegressionObjective(Matrix<double> x, Vector<double> y, double lambda)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.RowCount != y.Count) throw new ArgumentException($"{x.RowCount} rows of features but {y.Count} labels.", nameof(y));
        X = x;
        Y = y;
        Lambda = lambda;
    }

    /// <summary>The features, n×d.</summary>
    public Matrix<double> X { get; }

    /// <summary>The labels, 0 or 1.</summary>
    public Vector<double> Y { get; }

    /// <summary>The L2 penalty's weight λ.</summary>
    public double Lambda { get; }

    /// <summary>The number of weights, d.</summary>
    public int Dimension => X.ColumnCount;

    /// <summary>A small separable-ish data set: labels drawn from a logistic model with known weights, seeded so runs repeat.</summary>
    /// <param name="examples">n.</param>
    /// <param name="features">d.</param>
    /// <param name="lambda">The L2 penalty's weight.</param>
    /// <param name="seed">The random seed.</param>
    public static LogisticRegressionObjective Generate(int examples = 200, int features = 5, double lambda = 0.01, int seed = 7)
    {
        var random = new Random(seed);
        var x = Matrix<double>.Build.Dense(examples, features, (_, _) => 2 * random.NextDouble() - 1);
        var trueWeights = Vector<double>.Build.Dense(features, i => i % 2 == 0 ? 2.0 + i : -1.5 - i);
        var y = Vector<double>.Build.Dense(examples, i => random.NextDouble() < Sigmoid(x.Row(i) * trueWeights) ? 1 : 0);
        return new LogisticRegressionObjective(x, y, lambda);
    }

    /// <summary>f(w).</summary>
    /// <param name="w">The weights.</param>
    public double Value(Vector<double> w)
    {
        var z = X * w;
        var loss = 0.0;
        for (var i = 0; i < z.Count; i++) loss += Softplus(z[i]) - Y[i] * z[i];
        return loss / z.Count + Lambda * (w * w);
    }

    /// <summary>∇f(w).</summary>
    /// <param name="w">The weights.</param>
    public Vector<double> Gradient(Vector<double> w)
    {
        var residual = (X * w).Map(Sigmoid) - Y;
        return X.TransposeThisAndMultiply(residual) / X.RowCount + 2 * Lambda * w;
    }

    private static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    // log(1 + e^z) without overflow for large |z|.
    private static double Softplus(double z) => Math.Max(z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z)));
}
