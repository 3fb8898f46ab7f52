using System.Text.RegularExpressions;
using GradCheck.Xunit.Tests.Infrastructure;

namespace GradCheck.Xunit.Tests;

/// <summary>
/// [GradCheck] under the real `dotnet test` (the fixture project is built once, then run per test): a filter selects one property, its failure
/// message (naming the test's file and line, and in GitHub Actions starting with an ::error annotation GitHub's log
/// parser accepts) reaches the console and the TRX file, and Skip and Timeout are honoured.
/// </summary>
public class DotnetTestIntegrationTests(NestedDotnetTest dotnet) : IClassFixture<NestedDotnetTest>
{
    [Fact]
    public void A_filter_selects_one_property_whose_failure_is_in_the_console_and_the_trx()
    {
        var (exitCode, console, trx) = dotnet.Run("--filter \"FullyQualifiedName~Sign_bug\"", "sign.trx",
            new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" });

        Assert.NotEqual(0, exitCode);
        Assert.True(Regex.IsMatch(trx, "<Counters total=\"1\"[^>]* failed=\"1\""), dotnet.BuildOutput + console);
        Assert.Contains("testName=\"affine with a sign bug\"", trx);
        const string file = "tests/GradCheck.Xunit.Tests/FailingFixture/AffineWithSignBug.cs";
        // The sign error in x's gradient needs two of x's elements to be diagnosed as one: shrinking stops there.
        var shrunk = Regex.Match(console, @"Shrunk sizes: N = (\d+), D = (\d+), M = 1\b");
        Assert.True(shrunk.Success, console);
        var (n, d) = (int.Parse(shrunk.Groups[1].Value), int.Parse(shrunk.Groups[2].Value));
        Assert.Equal(2, n * d);
        foreach (var text in new[] { shrunk.Value, $"Input 'x' ({n}×{d} matrix)", "a sign error", "Replay: [GradCheck(Replay = \"",
            $"at AffineWithSignBug.Sign_bug ({file}:" })
        {
            Assert.Contains(text, console);
            Assert.Contains(text, trx);
        }

        // GitHub reads a workflow command from a log line that starts with "::" once leading blanks are trimmed.
        var annotation = $"::error file={file},line=";
        Assert.Contains(console.ReplaceLineEndings("\n").Split('\n'), line => line.TrimStart().StartsWith(annotation, StringComparison.Ordinal)
            && line.Contains(",title=GradCheck AffineWithSignBug.Sign_bug::GradCheck property 'AffineWithSignBug.Sign_bug' failed", StringComparison.Ordinal)
            && line.Contains("%0A" + shrunk.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void GradCheck_methods_are_discovered_by_list_tests()
    {
        var listed = dotnet.ListTests();

        // Display names as written: DisplayName where set, the method's name otherwise.
        foreach (var name in new[] { "affine with a sign bug", "FailingFixture.AffineWithSignBug.Correct", "FailingFixture.AffineWithSignBug.Too_slow" })
            Assert.Contains(name, listed);
    }

    [Fact]
    public void Skip_and_Timeout_are_honoured()
    {
        var (_, console, trx) = dotnet.Run("--filter \"FullyQualifiedName~Skipped|FullyQualifiedName~Too_slow\"", "skip-timeout.trx");

        // The skipped test is not failed; the slow one fails by timeout. xUnit v3 may add a second "[Test Cleanup
        // Failure]" result for the abandoned run when its cancellation lands after the timeout (a race in xUnit's
        // timeout path), so the count of failures is 1 or 2 — never 0.
        Assert.True(Regex.IsMatch(trx, "<Counters total=\"[23]\"[^>]* passed=\"0\" failed=\"[12]\""), dotnet.BuildOutput + console);
        Assert.Contains("skipped on purpose", trx);
        Assert.Contains("Test execution timed out after 200 milliseconds", console);
    }

    [Fact]
    public void A_verbose_pass_writes_the_statistics_to_the_test_output_under_the_classs_defaults()
    {
        var (exitCode, console, trx) = dotnet.Run("--filter \"FullyQualifiedName~Verbose_pass\"", "verbose.trx");

        Assert.Equal(0, exitCode);
        Assert.Contains("passed 12 samples (none discarded); sizes N 1..", trx);
        Assert.Contains("Drawn over 12 checked samples:", trx);
        Assert.Matches(@"sizes N 1\.\.[23], D 1\.\.[23]\.", trx); // MaxDimension = 3 from [PropertyDefaults] on the class
    }
}
