using System.Text.RegularExpressions;
using GradCheck.Analyzers.Tests.Infrastructure;

namespace GradCheck.Analyzers.Tests.Layers;

/// <summary>
/// Layers as people write them, checked with no annotation and with annotations on their signatures: the correct layers
/// are silent, and the planted bugs are found — with zero annotations where the analyzer can prove them from the code
/// alone, and all of them once the signatures carry [Shape].
/// </summary>
public sealed partial class UnannotatedLayerTests
{
    public static TheoryData<string> LayerNames() => [.. UnannotatedLayers.All.Keys];

    public static TheoryData<PlantedBug> Bugs() => [.. UnannotatedLayers.Bugs];

    [Theory]
    [MemberData(nameof(LayerNames))]
    public async Task Correct_layers_are_silent_with_and_without_annotations(string layer)
    {
        foreach (var annotated in new[] { false, true })
        {
            var source = Source(UnannotatedLayers.All[layer], annotated);
            Assert.Empty(DirectAnalysis.CompilerErrors(source));
            var result = await DirectAnalysis.AnalyzeAsync(source);
            Assert.Empty(result.AnalyzerExceptions);
            var diagnostics = string.Join("\n", result.ShapeDiagnostics.Select(d => d.ToString()));
            Assert.True(diagnostics.Length == 0, $"annotated: {annotated}\n{diagnostics}");
        }
    }

    [Theory]
    [MemberData(nameof(Bugs))]
    public async Task Planted_bugs_are_found_with_annotations_and_those_provable_from_code_without(PlantedBug bug)
    {
        var layer = UnannotatedLayers.All[bug.Layer];
        Assert.Single(Regex.Matches(layer, Regex.Escape(bug.Correct)));
        var mutant = layer.Replace(bug.Correct, bug.Buggy, StringComparison.Ordinal);

        var unannotated = await DirectAnalysis.AnalyzeAsync(Source(mutant, annotated: false));
        Assert.Empty(unannotated.AnalyzerExceptions);
        Assert.Equal(bug.FoundUnannotated, unannotated.ShapeDiagnostics.Any());

        var source = Source(mutant, annotated: true);
        Assert.Empty(DirectAnalysis.CompilerErrors(source));
        var annotated = await DirectAnalysis.AnalyzeAsync(source);
        Assert.Empty(annotated.AnalyzerExceptions);
        Assert.NotEmpty(annotated.ShapeDiagnostics);
    }

    [Fact]
    public void Recall_on_the_planted_bugs()
    {
        // The figures the docs quote: every bug found once annotated; these found with zero annotations.
        var found = UnannotatedLayers.Bugs.Count(b => b.FoundUnannotated);
        Assert.Equal(16, UnannotatedLayers.Bugs.Count);
        Assert.Equal(11, found);
    }

    /// <summary>The layer with usings, and with its /*F:…*/, /*A:…*/ and /*R:…*/ markers turned into [Shape] annotations or dropped.</summary>
    internal static string Source(string layer, bool annotated)
    {
        var text = AnnotationMarker().Replace(layer, m => annotated ? Annotation(m.Groups[1].Value, m.Groups[2].Value) : "");
        return TestCode.Usings + text;
    }

    private static string Annotation(string kind, string dims)
    {
        var quoted = string.Join(", ", dims.Split(',').Select(d => "\"" + d + "\""));
        return kind switch
        {
            "R" => $"[return: Shape({quoted})]\n    ",
            "F" => $"[Shape({quoted})] ",
            _ => $"[Shape({quoted})]",
        };
    }

    [GeneratedRegex(@"/\*([AFR]):([^*]+)\*/ ?")]
    private static partial Regex AnnotationMarker();
}
