namespace GradCheck.Xunit.Tests.Documented;

/// <summary>docs/reading-a-failure-report.md's mean over the batch whose backward forgets the 1/N (the attribute left off: it must fail).</summary>
public class BatchMeanTests
{
    public Differentiable Mean_of_squares([Shape("N", "D")] Matrix<double> x) =>
        Differentiable.Of(() => x.PointwiseMultiply(x).Enumerate().Sum() / x.RowCount, dout => 2 * dout * x);   // bug: no 1/N
}
