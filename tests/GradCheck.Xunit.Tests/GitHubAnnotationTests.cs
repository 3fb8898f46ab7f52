namespace GradCheck.Xunit.Tests;

/// <summary>Workflow commands are escaped per GitHub's rules and only produced when GITHUB_ACTIONS is true (the environment is passed in).</summary>
public class GitHubAnnotationTests
{
    [Fact]
    public void Data_escapes_percent_carriage_return_and_line_feed_but_not_colon_or_comma() =>
        Assert.Equal("50%25 done%0D%0Anext: a, b", GitHubAnnotation.EscapeData("50% done\r\nnext: a, b"));

    [Fact]
    public void Properties_also_escape_colon_and_comma() =>
        Assert.Equal("C%3A/a%2Cb%25%0A", GitHubAnnotation.EscapeProperty("C:/a,b%\n"));

    [Fact]
    public void An_error_command_carries_file_line_and_title_as_escaped_properties()
    {
        var command = GitHubAnnotation.Error("tests/A,B.cs", 42, "GradCheck T.M: x", "line one\nline two");

        Assert.Equal("::error file=tests/A%2CB.cs,line=42,title=GradCheck T.M%3A x::line one%0Aline two", command);
    }

    [Fact]
    public void Without_a_location_only_the_title_is_given() =>
        Assert.Equal("::error title=t::m", GitHubAnnotation.Error(null, null, "t", "m"));

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("false", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void It_is_active_only_when_GITHUB_ACTIONS_is_true(string? value, bool active) =>
        Assert.Equal(active, GitHubAnnotation.IsActive(name => name == "GITHUB_ACTIONS" ? value : null));
}
