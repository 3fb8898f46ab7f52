using GradCheck.Analyzers.Tests.Infrastructure;
using static GradCheck.Analyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace GradCheck.Analyzers.Tests.Inference;

/// <summary>Contract point 8: double, float and complex matrices and vectors are treated alike.</summary>
public sealed class ElementTypeTests
{
    [Fact]
    public Task Float_and_complex_values_are_checked_like_double_ones() =>
        VerifyAsync(TestCode.Usings + """
            using Complex = System.Numerics.Complex;
            using Complex32 = MathNet.Numerics.Complex32;
            public class C
            {
                void F([Shape("N", "D")] Matrix<float> x, [Shape("D", "H")] Matrix<float> w, [Shape("N")] Vector<float> v, int n)
                {
                    var ok = x * w;
                    var bad1 = {|GC0001:w * x|};
                    var bad2 = {|GC0002:v + Vector<float>.Build.Dense(x.ColumnCount)|};
                    var c = Matrix<Complex>.Build.Dense(n, 3);
                    var c32 = Matrix<Complex32>.Build.Dense(3, n);
                    var bad3 = {|GC0001:c * Matrix<Complex>.Build.Dense(2, n)|};
                    var ok2 = c32 * Matrix<Complex32>.Build.Dense(n, 2);
                }
            }
            """);
}
