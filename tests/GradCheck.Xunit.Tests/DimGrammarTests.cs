using GradCheck.Xunit.Tests.Fixtures;
using GradCheck.Xunit.Tests.Infrastructure;

namespace GradCheck.Xunit.Tests;

/// <summary>[Shape] dims at run time follow the one grammar the analyzer uses: literals ≥ 1, symbols, size arithmetic.</summary>
public class DimGrammarTests
{
    [Theory]
    [InlineData(nameof(DimGrammarProperties.ZeroLiteral), "has the dim \"0\" in its [Shape], which is not a size: a literal size must be at least 1")]
    [InlineData(nameof(DimGrammarProperties.EmptyDim), "has the dim \"\" in its [Shape], which is empty")]
    public void A_malformed_dim_makes_the_property_invalid_naming_the_parameter(string method, string expected)
    {
        var result = GradientProperty.Run(typeof(DimGrammarProperties), method, Cancellable.Options());

        Assert.Equal(PropertyVerdict.Invalid, result.Verdict);
        Assert.Contains($"Parameter 'x' {expected}", result.Message);
    }

    [Theory]
    [InlineData(nameof(DimGrammarProperties.DerivedSize))]
    [InlineData(nameof(DimGrammarProperties.LeadingSpace))]
    public void A_derived_dim_or_a_spaced_symbol_runs(string method)
    {
        var result = GradientProperty.Run(typeof(DimGrammarProperties), method, Cancellable.Options(new PropertyOptions { Samples = 30 }));

        Assert.True(result.Passed, result.Message);
    }

    [Fact]
    public void A_derived_size_is_computed_from_the_drawn_symbols_and_samples_where_it_is_below_one_are_discarded()
    {
        var result = GradientProperty.Run(typeof(DimGrammarProperties), nameof(DimGrammarProperties.ValidConvolution),
            Cancellable.Options(new PropertyOptions { Samples = 50 }));

        Assert.True(result.Passed, result.Message);
        Assert.Equal(50, result.PassedSamples);
        // One reason per derived dim, however far below 1 it fell.
        Assert.True(result.DiscardReasons.GetValueOrDefault("a derived size below 1 (L-K+1 < 1)") > 0, result.Message);
        Assert.Single(result.DiscardReasons);
    }

    [Fact]
    public void Integer_literals_fix_sizes_beside_symbols()
    {
        var result = GradientProperty.Run(typeof(DimGrammarProperties), nameof(DimGrammarProperties.IntegerLiterals),
            Cancellable.Options(new PropertyOptions { Samples = 20 }));

        Assert.True(result.Passed, result.Message);
        Assert.Equal(["N"], result.Statistics.Sizes.Select(s => s.Dim));
    }

    [Theory]
    [InlineData(nameof(DimGrammarProperties.FractionalLiteral), "Parameter 'x' has the dim 2.5 (a Double) in its [Shape]: a dim is a string or an integer.")]
    [InlineData(nameof(DimGrammarProperties.NegativeLiteral), "Parameter 'x' has the dim \"-2\" in its [Shape]")]
    public void A_dim_that_is_no_size_makes_the_property_invalid_naming_the_parameter(string method, string expected)
    {
        var result = GradientProperty.Run(typeof(DimGrammarProperties), method, Cancellable.Options());

        Assert.Equal(PropertyVerdict.Invalid, result.Verdict);
        Assert.Contains(expected, result.Message);
    }

    [Fact]
    public void Strings_bind_to_the_string_constructor_and_integers_to_the_object_one()
    {
        static Type[] ConstructorOf(string method) => typeof(DimGrammarProperties).GetMethod(method)!.GetParameters()[0].CustomAttributes
            .Single(a => a.AttributeType == typeof(ShapeAttribute)).Constructor.GetParameters().Select(p => p.ParameterType).ToArray();

        Assert.Equal([typeof(string[])], ConstructorOf(nameof(DimGrammarProperties.DerivedSize)));
        Assert.Equal([typeof(object[])], ConstructorOf(nameof(DimGrammarProperties.IntegerLiterals)));
        Assert.Equal(["N", "3"], new ShapeAttribute("N", 3).Dims);
        Assert.Equal(["N", "D"], new ShapeAttribute("N", "D").Dims);
    }

    [Theory]
    [MemberData(nameof(DimCorpus.Dims), MemberType = typeof(DimCorpus))]
    public void A_dim_is_rejected_exactly_when_the_analyzer_rejects_it(string dim, bool isSize)
    {
        // The analyzer's side of this corpus is checked in tests/GradCheck.Analyzers.Tests (InvalidShapeAnnotationTests).
        var read = () => PropertyPlan.DimsOf(new ShapeAttribute("N", dim), PropertyParameterKind.Matrix, "x", []);
        if (isSize) Assert.Equal(2, read().Count);
        else Assert.Contains("Parameter 'x' has the dim", Assert.Throws<PropertyDefinitionException>(read).Message);
    }
}
