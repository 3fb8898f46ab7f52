using System.Text.RegularExpressions;
using GradCheck.Xunit.Tests.Documented;
using GradCheck.Xunit.Tests.Infrastructure;

namespace GradCheck.Xunit.Tests;

/// <summary>
/// Every sample output in README.md and docs/ is produced here with fixed seeds and compared, so the documents cannot
/// drift from what GradCheck prints (GRADCHECK_UPDATE_DOCS=1 rewrites them; see <see cref="DocumentedOutput"/>).
/// </summary>
public partial class DocumentedOutputTests
{
    private const string Replay = "12345,6789";

    private static readonly Dictionary<string, Func<string>> Producers = new()
    {
        ["demo-report"] = () => TwoLayerNetworkDemo.Run().WithBug.Report,
        ["tour-property-failure"] = () => PropertyFailure(typeof(AffineTests), nameof(AffineTests.Affine)).Message,
        ["located-property-failure"] = () =>
        {
            var result = PropertyFailure(typeof(AffineTests), nameof(AffineTests.Affine));
            var method = typeof(AffineTests).GetMethod(nameof(AffineTests.Affine))!;
            return result.ToFailureText("AffineTests.Affine", SourceLocation.FromDebugSymbols(method)).Message;
        },
        ["five-minutes-property-failure"] = () =>
            PropertyFailure(typeof(SigmoidTests), nameof(SigmoidTests.Sigmoid_with_a_planted_bug)).Message,
        ["readme-verbose-pass"] = () => GradientProperty.Run(typeof(ConvolutionTests), nameof(ConvolutionTests.Valid_convolution),
            Cancellable.Options(new PropertyOptions { Samples = 50, Verbose = true, Replay = Replay })).Message,
        ["before-shrinking-failure"] = () => PropertyFailure(typeof(BatchMeanTests), nameof(BatchMeanTests.Mean_of_squares),
            new PropertyOptions { StartSize = 50 }).Message,
        ["could-not-run-report"] = () =>
        {
            var x = Matrix<double>.Build.Dense(3, 2, (r, c) => r - c);
            var w = Matrix<double>.Build.Dense(2, 4, (r, c) => r + c);
            return GradientCheck.Run(Differentiable.Of(() => x * w, dy => (dy * w.Transpose(), dy.TransposeThisAndMultiply(x)))
                .WithInput(x).WithInput(w), new CheckOptions { Seed = 7 }).Report;
        },
    };

    public static TheoryData<string> Names => new(Producers.Keys);

    [Theory, MemberData(nameof(Names))]
    public void The_documented_output_is_what_prints(string name)
    {
        var problem = DocumentedOutput.Verify(name, Producers[name]());
        Assert.True(problem is null, problem);
    }

    [Fact]
    public void Every_marked_block_in_the_documents_has_a_producer()
    {
        var blocks = DocumentedOutput.Blocks().ToList();
        Assert.NotEmpty(blocks);
        var unproduced = blocks.Where(b => !Producers.ContainsKey(b.Name) && !AnalyzerOutputs.Contains(b.Name))
            .Select(b => $"{b.Document}: {b.Name}");
        Assert.Empty(unproduced);
    }

    [Fact]
    public void Every_excerpt_of_a_report_in_the_documents_is_a_line_that_prints()
    {
        // Unmarked blocks and inline code that quote a report line by line (a headline, a worst element, a heatmap row)
        // must quote lines that one of the produced outputs really has.
        var printed = Producers.Values.SelectMany(p => p().ReplaceLineEndings("\n").Split('\n')).Select(l => l.Trim()).ToHashSet();
        var stale = new List<string>();
        foreach (var document in DocumentedOutput.Documents())
        {
            var text = File.ReadAllText(document).ReplaceLineEndings("\n");
            foreach (Match excerpt in ReportExcerpt().Matches(text))
            {
                var line = excerpt.Groups["line"].Value.Trim();
                // A template with "…" in it stands for any such line.
                if (!line.Contains('…') && !printed.Contains(line)) stale.Add($"{Path.GetFileName(document)}: {line}");
            }
        }

        Assert.Empty(stale);
    }

    // Analyzer output blocks are produced by tests/GradCheck.Analyzers.Tests.
    private static readonly HashSet<string> AnalyzerOutputs = ["readme-analyzer-warnings", "five-minutes-build-warnings"];

    private static PropertyResult PropertyFailure(Type type, string method, PropertyOptions? options = null)
    {
        var result = GradientProperty.Run(type, method, Cancellable.Options((options ?? new PropertyOptions()) with { Replay = Replay }));
        Assert.Equal(PropertyVerdict.Failed, result.Verdict);
        return result;
    }

    // A report line quoted on its own: in backticks, or as the only line of an unmarked fenced block.
    [GeneratedRegex(@"`(?<line>(GradCheck: gradient check|GradCheck property|Input '|diagnosis: |confirmation along|Replay: |relative error, " +
        @"|Shrunk sizes: |Shrunk arguments: |Drawn over |Before shrinking |\[\d+(, \d+)?\] +analytic)[^`]*)`")]
    private static partial Regex ReportExcerpt();
}
