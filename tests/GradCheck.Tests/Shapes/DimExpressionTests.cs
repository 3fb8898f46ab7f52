using GradCheck.Dims;

namespace GradCheck.Tests.Shapes;

/// <summary>The one dim grammar (shared with the analyzer): what parses, its normal form, and when two dims differ for sure.</summary>
public class DimExpressionTests
{
    [Theory]
    [InlineData("N", "N")]
    [InlineData(" N", "N")]
    [InlineData("N ", "N")]
    [InlineData("Batch_2", "Batch_2")]
    [InlineData("3", "3")]
    [InlineData("L-K+1", "L-K+1")]
    [InlineData("L - K + 1", "L-K+1")]
    [InlineData("1+L-K", "L-K+1")]
    [InlineData("In+1", "In+1")]
    [InlineData("N*C", "C*N")]
    [InlineData("(N+1)*2", "2*N+2")]
    [InlineData("N-N+1", "1")]
    [InlineData("N*N", "N*N")]
    public void A_dim_parses_to_its_normal_form(string text, string normal)
    {
        var dim = DimExpression.Parse(text, out var problem);
        Assert.True(dim is not null, problem);
        Assert.Equal(normal, dim.ToString());
        Assert.Equal(dim, DimExpression.Parse(normal, out _));
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("   ", "is empty")]
    [InlineData("0", "a literal size must be at least 1")]
    [InlineData("N-N", "a literal size must be at least 1")]
    [InlineData("-1", "where a size symbol (such as N), a number or '(' was expected")]
    [InlineData("N-", "ends where a size symbol or a number was expected")]
    [InlineData("1N", "has 'N' at position 2 where +, -, * or the end was expected")]
    [InlineData("N/2", "has '/' at position 2")]
    [InlineData("(N", "never closed")]
    [InlineData("N)", "no '(' to close")]
    [InlineData("99999999999", "too large for a size")]
    public void A_malformed_dim_says_why(string text, string reason)
    {
        Assert.Null(DimExpression.Parse(text, out var problem));
        Assert.Contains(reason, problem);
    }

    [Theory]
    [InlineData("N", "D", true)]        // distinct symbols are independent sizes
    [InlineData("N+1", "N", true)]      // differ by a constant
    [InlineData("L-K+1", "L", true)]    // differ in an independent symbol
    [InlineData("2*N", "N", true)]
    [InlineData("N+N", "2*N", false)]   // the same size written twice
    [InlineData("3", "4", true)]
    [InlineData("3", "3", false)]
    [InlineData("D", "784", false)]     // a symbol is never reported against a literal
    [InlineData("N+1", "5", false)]
    public void Two_dims_differ_for_sure_only_when_their_normal_forms_say_so(string a, string b, bool differ)
    {
        var (x, y) = (DimExpression.Parse(a, out _)!, DimExpression.Parse(b, out _)!);
        Assert.Equal(differ, DimExpression.DefinitelyDiffer(x, y));
        Assert.Equal(differ, DimExpression.DefinitelyDiffer(y, x));
    }

    [Fact]
    public void A_derived_dim_is_computed_from_the_symbols_sizes()
    {
        var dim = DimExpression.Parse("L-K+1", out _)!;
        Assert.Equal(6, dim.Evaluate(s => s == "L" ? 8 : 3));
        Assert.Null(dim.Evaluate(s => s == "L" ? 8 : null));
        Assert.Equal(["K", "L"], dim.Symbols);
        Assert.False(dim.IsSymbol);
        Assert.True(DimExpression.Parse("N", out _)!.IsSymbol);
    }
}
