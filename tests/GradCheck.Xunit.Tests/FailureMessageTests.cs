namespace GradCheck.Xunit.Tests;

/// <summary>
/// A failure names the test's file and line under the report's headline; in GitHub Actions its first line is an
/// ::error annotation summarising the report. The environment is passed in, never set on the process.
/// </summary>
public class FailureMessageTests
{
    private const string Report = """
        GradCheck property 'AffineTests.Affine' failed after 3 passing samples (none discarded); shrunk 2 times.
        Shrunk sizes: N = 1, D = 1, M = 1   (first failing sample: N = 2, D = 3, M = 1)

        GradCheck: gradient check FAILED: 1 of 3 differentiated inputs has a wrong gradient (default mode, seed 7, 45 forward evaluations).

        Input 'x' (1×1 matrix): 1 of 1 elements wrong (2 directional probes, 2 failed; 1 element checked one by one).
          worst elements:
            [0, 0]     analytic -6.5e-01   numeric +6.5e-01
        Input 'w' (1×1 matrix): passed (2 directional probes, 0 failed).

        Replay: [GradCheck(Replay = "1,3,2")], or PropertyOptions { Replay = "1,3,2" }, keeping the other settings.
        """;

    private static readonly SourceLocation Location = new("/repo/tests/Layers/AffineTests.cs", 42);

    private static Func<string, string?> Environment(bool gitHubActions) => name => name switch
    {
        "GITHUB_ACTIONS" => gitHubActions ? "true" : null,
        "GITHUB_WORKSPACE" => "/repo",
        _ => null,
    };

    [Fact]
    public void The_location_line_follows_the_headline()
    {
        var text = FailureMessage.Compose(Report, "AffineTests.Affine", Location, Environment(gitHubActions: false));

        var lines = text.Message.ReplaceLineEndings("\n").Split('\n');
        Assert.StartsWith("GradCheck property 'AffineTests.Affine' failed", lines[0]);
        Assert.Equal("  at AffineTests.Affine (tests/Layers/AffineTests.cs:42)", lines[1]);
        Assert.StartsWith("Shrunk sizes:", lines[2]);
        Assert.Null(text.Annotation);
        Assert.DoesNotContain("::error", text.Message);
    }

    [Fact]
    public void In_GitHub_Actions_the_first_line_is_an_error_annotation_at_the_test()
    {
        var text = FailureMessage.Compose(Report, "AffineTests.Affine", Location, Environment(gitHubActions: true));

        var first = text.Message.ReplaceLineEndings("\n").Split('\n')[0];
        Assert.Equal(text.Annotation, first);
        Assert.StartsWith(
            "::error file=tests/Layers/AffineTests.cs,line=42,title=GradCheck AffineTests.Affine::GradCheck property 'AffineTests.Affine' failed after 3",
            first);
        Assert.Contains("  at AffineTests.Affine (tests/Layers/AffineTests.cs:42)", text.Message);
    }

    [Fact]
    public void The_annotation_summarises_the_unindented_lines_escaped_onto_one_line()
    {
        var annotation = FailureMessage.Compose(Report, "AffineTests.Affine", Location, Environment(gitHubActions: true)).Annotation!;

        Assert.DoesNotContain('\n', annotation);
        Assert.Contains("shrunk 2 times.%0AShrunk sizes: N = 1", annotation);
        Assert.Contains("%0AInput 'x' (1×1 matrix): 1 of 1 elements wrong", annotation);
        Assert.Contains("%0AReplay: [GradCheck(Replay = \"1,3,2\")]", annotation);
        Assert.DoesNotContain("worst elements", annotation);
        Assert.DoesNotContain("%0A%0A", annotation);
    }

    [Fact]
    public void Without_a_location_the_message_is_the_report_and_the_annotation_has_no_file()
    {
        var text = FailureMessage.Compose(Report, "AffineTests.Affine", null, Environment(gitHubActions: true));

        Assert.StartsWith("::error title=GradCheck AffineTests.Affine::", text.Annotation);
        Assert.EndsWith(Report, text.Message);
    }
}
