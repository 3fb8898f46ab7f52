using GradCheck.Analyzers.Tests.Infrastructure;
using static GradCheck.Analyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace GradCheck.Analyzers.Tests.Inference;

/// <summary>Contract point 5: dims are integer expressions of symbols and literals, in annotations and from code.</summary>
public sealed class SizeArithmeticTests
{
    [Fact]
    public Task Convolution_output_length_L_minus_K_plus_1() =>
        VerifyAsync(TestCode.InClass("""
                [return: Shape("L-K+1")]
                static Vector<double> Conv1D([Shape("L")] Vector<double> x, [Shape("K")] Vector<double> kernel)
                {
                    var output = Vector<double>.Build.Dense(x.Count - kernel.Count + 1);
                    return output;
                }

                [return: Shape("L-K+1")]
                static Vector<double> Wrong([Shape("L")] Vector<double> x, [Shape("K")] Vector<double> kernel) =>
                    {|GC0003:Vector<double>.Build.Dense(x.Count - kernel.Count)|};
            """));

    [Fact]
    public Task Bias_column_In_plus_1_from_InsertColumn_and_Append() =>
        VerifyAsync(TestCode.InClass("""
                void F([Shape("N", "In")] Matrix<double> x, [Shape("In+1", "Out")] Matrix<double> w, int n)
                {
                    var ones = Vector<double>.Build.Dense(x.RowCount, 1.0);
                    var withBias = x.InsertColumn(x.ColumnCount, ones);
                    var ok1 = withBias * w;
                    var ok2 = x.Append(ones.ToColumnMatrix()) * w;
                    var ok3 = Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount + 1) * w;
                    var bad1 = {|GC0001:x * w|};
                    var bad2 = {|GC0001:withBias.RemoveColumn(0).RemoveColumn(0) * w|};
                    var bad3 = {|GC0002:x.InsertColumn(0, Vector<double>.Build.Dense(n))|};
                }
            """));

    [Fact]
    public Task Products_of_sizes_and_stacking() =>
        VerifyAsync(TestCode.InClass("""
                void F([Shape("N", "C")] Matrix<double> a, [Shape("M", "C")] Matrix<double> b, [Shape("N*C")] Vector<double> flat)
                {
                    var stacked = a.Stack(b);
                    var ok1 = stacked - Matrix<double>.Build.Dense(a.RowCount + b.RowCount, a.ColumnCount);
                    var ok2 = flat + Vector<double>.Build.Dense(a.RowCount * a.ColumnCount);
                    var ok3 = a.KroneckerProduct(b).RowCount;
                    var bad = {|GC0002:flat + Vector<double>.Build.Dense(a.RowCount + a.ColumnCount)|};
                }
            """));

    [Fact]
    public Task SubMatrix_with_symbolic_bounds() =>
        VerifyAsync(TestCode.InClass("""
                void F([Shape("N", "D")] Matrix<double> x, int k)
                {
                    var head = x.SubMatrix(0, k, 0, x.ColumnCount);
                    var ok = head * x.Transpose();
                    var bad = {|GC0001:head * head|};
                }
            """));
}
