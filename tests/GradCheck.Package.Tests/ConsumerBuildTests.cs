using System.Text.RegularExpressions;
using GradCheck.Package.Tests.Infrastructure;

namespace GradCheck.Package.Tests;

/// <summary>Squiggles with no other step: a project that only references the GradCheck.Xunit package gets GC warnings.</summary>
public class ConsumerBuildTests(PackedConsumer packed, ITestOutputHelper output)
{
    [Fact]
    public void A_planted_shape_bug_gives_a_GC0001_warning_in_the_consumer_build()
    {
        var build = Step.Succeeded(packed.Build, "restore + build of the consumer project", packed.Pack);
        output.WriteLine($"consumer restore + build: {build.Duration.TotalSeconds:F1} s");

        // Consumer/DenseLayer.cs line 12 is `x * dy;` — (N×D)·(N×H).
        Assert.Matches(
            new Regex(@"DenseLayer\.cs\(12,\d+\): warning GC0001: Matrix product \(N×D\)·\(N×H\): inner dimensions D and N differ"), build.Output);

        // The correct forward pass next to it stays clean: exactly one GC diagnostic (MSBuild repeats it in its summary).
        var gcDiagnostics = Regex.Matches(build.Output, @"^.*: (warning|error) GC\d{4}:.*$", RegexOptions.Multiline)
            .Select(m => m.Value.Trim()).Distinct().ToList();
        Assert.True(gcDiagnostics.Count == 1, $"Expected one GC diagnostic, got {gcDiagnostics.Count}:\n{string.Join("\n", gcDiagnostics)}");

        // Calling GradCheck's API from xUnit tests draws no warning of xUnit's own analyzers (Consumer/PlainApiTests.cs).
        var otherWarnings = Regex.Matches(build.Output, @"^.*: warning (?!GC)\w+\d+:.*$", RegexOptions.Multiline).Select(m => m.Value.Trim()).Distinct();
        Assert.Empty(otherWarnings);
    }
}
