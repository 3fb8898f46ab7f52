using GradCheck.Analyzers.Tests.Infrastructure;
using GradCheck.CodeFixes;
using static GradCheck.Analyzers.Tests.Infrastructure.AnalyzerVerifier;

namespace GradCheck.Analyzers.Tests;

/// <summary>RowSums ↔ ColumnSums, offered on GC0003 and GC0004 when the other sum has the expected shape.</summary>
public sealed class SumsCodeFixTests
{
    [Fact]
    public Task Bias_gradient_from_row_sums_becomes_column_sums() =>
        VerifyFixAsync<SumsCodeFixProvider>(
            TestCode.InClass("""
                    [Shape("H")] Vector<double> b = null!;
                    void Backward([Shape("N", "H")] Matrix<double> dy) { var db = {|GC0004:dy.RowSums()|}; }
                """),
            TestCode.InClass("""
                    [Shape("H")] Vector<double> b = null!;
                    void Backward([Shape("N", "H")] Matrix<double> dy) { var db = dy.ColumnSums(); }
                """));

    [Fact]
    public Task A_batch_mean_is_looked_through_scalar_division_and_multiplication() =>
        VerifyFixAsync<SumsCodeFixProvider>(
            TestCode.InClass("""
                    [Shape("H")] Vector<double> b = null!;
                    void Backward([Shape("N", "H")] Matrix<double> dy) { var db = {|GC0004:dy.RowSums() / dy.RowCount * 0.5|}; }
                """),
            TestCode.InClass("""
                    [Shape("H")] Vector<double> b = null!;
                    void Backward([Shape("N", "H")] Matrix<double> dy) { var db = dy.ColumnSums() / dy.RowCount * 0.5; }
                """));

    [Fact]
    public Task Returned_column_sums_become_row_sums_against_the_return_annotation() =>
        VerifyFixAsync<SumsCodeFixProvider>(
            TestCode.InClass("""
                    [return: Shape("N")]
                    Vector<double> PerSample([Shape("N", "D")] Matrix<double> m) => {|GC0003:m.ColumnSums()|};
                """),
            TestCode.InClass("""
                    [return: Shape("N")]
                    Vector<double> PerSample([Shape("N", "D")] Matrix<double> m) => m.RowSums();
                """));

    [Fact]
    public Task No_sums_fix_is_offered_when_neither_sum_fits() =>
        VerifyFixAsync<SumsCodeFixProvider>(
            TestCode.InClass("""
                    [return: Shape("K")]
                    Vector<double> F([Shape("N", "D")] Matrix<double> m) => {|GC0003:m.ColumnSums()|};
                """),
            TestCode.InClass("""
                    [return: Shape("K")]
                    Vector<double> F([Shape("N", "D")] Matrix<double> m) => {|GC0003:m.ColumnSums()|};
                """));
}
