using System.Text.RegularExpressions;
using GradCheck.Xunit.Tests.Infrastructure;

namespace GradCheck.Xunit.Tests;

/// <summary>
/// [GradCheck] under the real `dotnet test` (the fixture project is built once, then run per test): a filter selects one property, its failure
/// message reaches the console and the TRX file, and Skip and Timeout are honoured.
/// </summary>
public class DotnetTestIntegrationTests(NestedDotnetTest dotnet) : IClassFixture<NestedDotnetTest>
{
    [Fact]
    public void A_filter_selects_one_property_whose_failure_is_in_the_console_and_the_trx()
    {
        var (exitCode, console, trx) = dotnet.Run("--filter \"FullyQualifiedName~Sign_bug\"", "sign.trx");

        Assert.NotEqual(0, exitCode);
        Assert.True(Regex.IsMatch(trx, "<Counters total=\"1\"[^>]* failed=\"1\""), dotnet.BuildOutput + console);
        Assert.Contains("testName=\"affine with a sign bug\"", trx);
        foreach (var text in new[] { "Shrunk sizes: N = 1, D = 1, M = 1", "Input 'x' (1×1 matrix)", "Replay: [GradCheck(Replay = \"" })
        {
            Assert.Contains(text, console);
            Assert.Contains(text, trx);
        }
    }

    [Fact]
    public void Skip_and_Timeout_are_honoured()
    {
        var (_, console, trx) = dotnet.Run("--filter \"FullyQualifiedName~Skipped|FullyQualifiedName~Too_slow\"", "skip-timeout.trx");

        Assert.True(Regex.IsMatch(trx, "<Counters total=\"2\"[^>]* failed=\"1\""), dotnet.BuildOutput + console);
        Assert.Contains("skipped on purpose", trx);
        Assert.Contains("Test execution timed out after 200 milliseconds", console);
    }
}
