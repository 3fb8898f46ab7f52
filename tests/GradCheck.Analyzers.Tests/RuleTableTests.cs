using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace GradCheck.Analyzers.Tests;

/// <summary>
/// One table of rules (<see cref="Descriptors"/>): the release notes, the docs pages and the README's rules table must
/// say what it says, and both analyzers must support exactly its rules.
/// </summary>
public sealed partial class RuleTableTests
{
    private static readonly string Root = FindRoot();

    public static TheoryData<string> Ids() => [.. Descriptors.All.Select(d => d.Id).Distinct()];

    [Fact]
    public void Ids_are_unique_and_in_order()
    {
        var ids = Descriptors.All.Select(d => d.Id).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
    }

    [Fact]
    public void The_analyzers_support_exactly_the_table_s_rules()
    {
        var supported = new ShapeAnalyzer().SupportedDiagnostics
            .Concat(new GradCheck.Analyzers.Usage.GradCheckUsageAnalyzer().SupportedDiagnostics)
            .Select(d => d.Id)
            .ToHashSet();
        Assert.Equal(Descriptors.All.Select(d => d.Id).ToHashSet(), supported);
    }

    [Fact]
    public void The_release_notes_list_every_rule_with_its_category_and_severity()
    {
        var rows = File.ReadAllLines(Path.Combine(Root, "src/GradCheck.Analyzers/AnalyzerReleases.Unshipped.md"))
            .Where(line => line.StartsWith("GC", StringComparison.Ordinal))
            .Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray())
            .ToDictionary(cells => cells[0]);
        Assert.Equal(Descriptors.All.Length, rows.Count);
        foreach (var descriptor in Descriptors.All)
        {
            Assert.True(rows.TryGetValue(descriptor.Id, out var cells), $"{descriptor.Id} is missing from the release notes");
            Assert.Equal(descriptor.Category, cells![1]);
            Assert.Equal(descriptor.DefaultSeverity.ToString(), cells[2]);
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_rule_has_a_docs_page_titled_as_in_the_table_and_a_help_link_to_it(string id)
    {
        var descriptor = Descriptors.All.Single(d => d.Id == id);
        var page = Path.Combine(Root, "docs/rules", id + ".md");
        Assert.True(File.Exists(page), $"{page} does not exist");
        Assert.Equal($"# {id}: {descriptor.Title}", File.ReadLines(page).First());
        Assert.EndsWith("docs/rules/" + id + ".md", descriptor.HelpLinkUri, StringComparison.Ordinal);
        Assert.Contains($"| Default severity | {descriptor.DefaultSeverity} |", File.ReadAllText(page), StringComparison.Ordinal);
    }

    [Fact]
    public void The_readme_rules_table_has_a_row_per_rule_linking_its_page()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var linked = RuleRow().Matches(readme).Select(m => (Id: m.Groups[1].Value, Page: m.Groups[2].Value)).ToList();
        Assert.Equal(Descriptors.All.Select(d => d.Id), linked.Select(row => row.Id));
        Assert.All(linked, row => Assert.Equal($"docs/rules/{row.Id}.md", row.Page));
    }

    [GeneratedRegex(@"^\| \[(GC\d{4})\]\(([^)]+)\) \|", RegexOptions.Multiline)]
    private static partial Regex RuleRow();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "GradCheck.sln"))) return directory.FullName;
        throw new InvalidOperationException("The repository root (with GradCheck.sln) was not found above " + AppContext.BaseDirectory);
    }
}
