using GradCheck.Package.Tests.Infrastructure;

namespace GradCheck.Package.Tests;

/// <summary>[GradCheck] from the package under a plain `dotnet test`: the planted gradient bug fails with the full report.</summary>
public class ConsumerTestRunTests(PackedConsumer packed, ITestOutputHelper output)
{
    [Fact]
    public void A_planted_gradient_bug_fails_its_GradCheck_test_with_the_report_and_the_correct_one_passes()
    {
        var test = Step.Ran(packed.Test, "dotnet test of the consumer project", packed.Build ?? packed.Pack);
        output.WriteLine($"consumer dotnet test: {test.Duration.TotalSeconds:F1} s");

        Assert.True(test.ExitCode != 0, $"dotnet test passed, but Sigmoid_with_a_planted_bug should fail:\n{test.Output}");
        foreach (var text in new[]
                 {
                     "Passed Consumer.Tests.SigmoidTests.Sigmoid_correct",
                     "Passed Consumer.Tests.PlainApiTests.Square_through_the_plain_property_runner",
                     "Failed Consumer.Tests.SigmoidTests.Sigmoid_with_a_planted_bug",
                     "GradCheck: gradient check FAILED: 1 of 1 differentiated input has a wrong gradient",
                     "Input 'x' (",               // the per-input section,
                     "worst elements:",            // its worst elements,
                     "relative error, rows",       // the heatmap,
                     "Taylor remainder shrinks",   // the confirmation,
                     "Replay: [GradCheck(Replay = \"",
                 })
            Assert.True(test.Output.Contains(text, StringComparison.Ordinal), $"The consumer's `dotnet test` output lacks \"{text}\":\n{test.Output}");
    }
}
