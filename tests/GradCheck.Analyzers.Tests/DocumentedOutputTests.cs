using System.Text.RegularExpressions;
using GradCheck.Analyzers.Tests.Infrastructure;
using GradCheck.TestInfrastructure;
using Microsoft.CodeAnalysis;

namespace GradCheck.Analyzers.Tests;

/// <summary>
/// The analyzer's warnings printed in README.md and docs/ are what it reports on the code they are printed for
/// (GRADCHECK_UPDATE_DOCS=1 rewrites them; see <see cref="DocumentedOutput"/>).
/// </summary>
public partial class DocumentedOutputTests
{
    [Fact]
    public async Task The_readme_shows_the_warnings_of_the_editor_sample()
    {
        var path = RepositoryRoot.Combine("tests", "GradCheck.Editor.Tests", "Sample", "DenseBackward.cs");
        var produced = await WarningsAsync(File.ReadAllText(path), "DenseBackward.cs");
        Assert.Null(DocumentedOutput.Verify("readme-analyzer-warnings", produced));
    }

    [Fact]
    public async Task The_five_minute_guide_shows_the_warnings_of_its_own_dense_layer()
    {
        // The guide's code is the C# block right before the build output: the warnings are read off that very text.
        var guide = File.ReadAllText(RepositoryRoot.Combine("docs", "five-minutes.md")).ReplaceLineEndings("\n");
        var marker = guide.IndexOf("<!-- output: five-minutes-build-warnings -->", StringComparison.Ordinal);
        Assert.True(marker > 0, "the guide has no build-warnings block");
        var code = CSharpBlock().Matches(guide[..marker])[^1].Groups["code"].Value;
        var produced = "$ dotnet build\n" + await WarningsAsync(code, "Dense.cs");
        Assert.Null(DocumentedOutput.Verify("five-minutes-build-warnings", produced));
    }

    /// <summary>The warnings as `dotnet build` prints them (the help link shortened to the repository's page).</summary>
    private static async Task<string> WarningsAsync(string source, string file)
    {
        var result = await DirectAnalysis.AnalyzeAsync(source, file);
        Assert.Empty(result.AnalyzerExceptions);
        return string.Join("\n", result.ShapeDiagnostics
            .OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(d =>
            {
                var position = d.Location.GetLineSpan().StartLinePosition;
                var severity = d.Severity == DiagnosticSeverity.Error ? "error" : "warning";
                return $"{file}({position.Line + 1},{position.Character + 1}): {severity} {d.Id}: {d.GetMessage()} (…/docs/rules/{d.Id}.md)";
            }));
    }

    [GeneratedRegex("```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
