using System.Text;
using System.Text.RegularExpressions;

namespace GradCheck.TestInfrastructure;

/// <summary>
/// The sample outputs printed in README.md and docs/: each is a fenced block right under a marker line
/// <c>&lt;!-- output: name --&gt;</c>, and a test produces it with fixed seeds and compares. Run the tests with
/// <c>GRADCHECK_UPDATE_DOCS=1</c> to write the produced text into the documents instead (then review the diff).
/// </summary>
public static partial class DocumentedOutput
{
    /// <summary>The environment variable that makes <see cref="Verify"/> rewrite the documents.</summary>
    public const string UpdateVariable = "GRADCHECK_UPDATE_DOCS";

    /// <summary>The Markdown files that may carry documented outputs.</summary>
    public static IReadOnlyList<string> Documents() =>
        [RepositoryRoot.Combine("README.md"), .. Directory.GetFiles(RepositoryRoot.Combine("docs"), "*.md", SearchOption.AllDirectories)];

    /// <summary>Every marked block: its document, name and text.</summary>
    public static IEnumerable<(string Document, string Name, string Text)> Blocks() =>
        Documents().SelectMany(document => Marked().Matches(Normalize(File.ReadAllText(document)))
            .Select(m => (document, m.Groups["name"].Value, m.Groups["text"].Value.TrimEnd('\n'))));

    /// <summary>
    /// Compares <paramref name="produced"/> with every block named <paramref name="name"/> (there must be one at
    /// least); with <see cref="UpdateVariable"/> set, writes it into them instead.
    /// </summary>
    /// <returns>Null when they agree (or were updated); otherwise where they differ, for the assertion message.</returns>
    public static string? Verify(string name, string produced)
    {
        produced = Normalize(produced).TrimEnd('\n');
        var update = Environment.GetEnvironmentVariable(UpdateVariable) == "1";
        var found = 0;
        var problems = new StringBuilder();
        foreach (var document in Documents())
        {
            var text = Normalize(File.ReadAllText(document));
            var rewritten = Marked().Replace(text, m =>
            {
                if (m.Groups["name"].Value != name) return m.Value;
                found++;
                var documented = m.Groups["text"].Value.TrimEnd('\n');
                if (documented != produced && !update)
                {
                    var where = Path.GetRelativePath(RepositoryRoot.Path, document);
                    problems.AppendLine($"{where}: the block '{name}' differs from what prints:\n{FirstDifference(documented, produced)}");
                }

                return m.Groups["head"].Value + produced + "\n```";
            });
            if (update && rewritten != text) File.WriteAllText(document, rewritten);
        }

        if (found == 0) return $"No document has a block marked <!-- output: {name} -->.";
        return problems.Length == 0 ? null : problems + $"Run the tests with {UpdateVariable}=1 to update the documents, then review the diff.";
    }

    private static string FirstDifference(string documented, string produced)
    {
        var (a, b) = (documented.Split('\n'), produced.Split('\n'));
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var (x, y) = (i < a.Length ? a[i] : "(nothing)", i < b.Length ? b[i] : "(nothing)");
            if (x != y) return $"  line {i + 1} documented: {x}\n  line {i + 1} printed:    {y}";
        }

        return "  (they differ only in line endings)";
    }

    private static string Normalize(string text) => text.ReplaceLineEndings("\n");

    [GeneratedRegex(@"(?<head><!-- output: (?<name>[a-z0-9-]+) -->\n```[a-z]*\n)(?<text>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Marked();
}
