using GradCheck.TestInfrastructure.PlantedBugs;
using System.Runtime.CompilerServices;
using GradCheck.Xunit.Tests.Fixtures;

namespace GradCheck.Xunit.Tests;

/// <summary>
/// A failure is located: GradientProperty.Assert at its call site, [GradCheck] (when the runner gives no location)
/// from the portable PDB; paths are shown relative to the repository.
/// </summary>
public class SourceLocationTests
{
    [Fact]
    public void The_pdb_gives_the_first_line_of_a_methods_body()
    {
        var location = SourceLocation.FromDebugSymbols(typeof(AffineProperties).GetMethod(nameof(AffineProperties.InputGradientSignFlipped))!);

        Assert.NotNull(location);
        Assert.EndsWith("Fixtures/AffineProperties.cs", location.FilePath.Replace('\\', '/'));
        Assert.Equal(LineOf(File.ReadAllLines(location.FilePath),
            "Of(x, w, b, AffineBackwardBugs.InputGradientSignFlipped);"), location.Line);
    }

    [Fact]
    public void An_async_method_is_located_by_its_state_machine()
    {
        var location = SourceLocation.FromDebugSymbols(typeof(SourceLocationTests).GetMethod(nameof(AsyncBody),
            System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!);

        Assert.NotNull(location);
        Assert.EndsWith("SourceLocationTests.cs", location.FilePath);
    }

    [Fact]
    public void Paths_are_relative_to_the_workspace_the_repository_or_a_deterministic_builds_root()
    {
        Func<string, string?> none = _ => null;
        Assert.Equal("src/A.cs", new SourceLocation("/_/src/A.cs", 1).RelativePath(none));
        Assert.Equal("tests/B.cs", new SourceLocation("/ws/tests/B.cs", 1).RelativePath(name => name == "GITHUB_WORKSPACE" ? "/ws" : null));
        Assert.Equal("tests/GradCheck.Xunit.Tests/SourceLocationTests.cs", new SourceLocation(ThisFile(), 1).RelativePath(none));
        Assert.Equal("tests/GradCheck.Xunit.Tests/SourceLocationTests.cs:7", new SourceLocation(ThisFile(), 7).ToString(none));
    }

    [Fact]
    public void Assert_names_the_calling_test_and_the_line_of_the_call()
    {
        var line = CurrentLine() + 1;
        var exception = Assert.Throws<GradientPropertyException>(() => GradientProperty.Assert(AffineProperties.InputGradientSignFlipped,
            new PropertyOptions { Replay = "12345,6789,50" }));

        Assert.Contains($"  at AffineProperties.InputGradientSignFlipped (tests/GradCheck.Xunit.Tests/SourceLocationTests.cs:{line})", exception.Message);
        Assert.Equal(PropertyVerdict.Failed, exception.Result.Verdict);
    }

    [Fact]
    public void Assert_on_a_lambda_names_the_calling_test()
    {
        var exception = Assert.Throws<GradientPropertyException>(() => GradientProperty.Assert(
            ([Shape("N")] Vector<double> v) => Differentiable.Of(() => v * 2, dout => dout)));

        Assert.Contains($"  at SourceLocationTests.{nameof(Assert_on_a_lambda_names_the_calling_test)} (tests/GradCheck.Xunit.Tests/SourceLocationTests.cs:",
            exception.Message);
    }

    private static async Task<int> AsyncBody()
    {
        await Task.Yield();
        return 1;
    }

    private static int LineOf(string[] lines, string text) => Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal)) + 1;

    private static int CurrentLine([CallerLineNumber] int line = 0) => line;

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
