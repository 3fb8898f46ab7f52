using System.Text.Json.Nodes;
using GradCheck.Editor.Tests.Lsp;

namespace GradCheck.Editor.Tests;

/// <summary>
/// The analyzer's warnings reach an editor: csharp-ls (the language server behind several editors' C# support) opens
/// the Sample project, pushes GC0001 for the planted product bug, and drops it once the bug is fixed in the buffer.
/// </summary>
public class CsharpLsSquiggleTests(ITestOutputHelper output)
{
    private static readonly string SampleDirectory = RepositoryRoot.Combine("tests", "GradCheck.Editor.Tests", "Sample");
    private static readonly string SourceFile = Path.Combine(SampleDirectory, "DenseBackward.cs");

    // Solution loading took 7–12 s on a fresh server here; CI machines may be slower.
    private static readonly TimeSpan FirstDiagnostics = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan AfterEdit = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Csharp_ls_pushes_GC0001_for_a_shape_bug_and_drops_it_when_the_buffer_is_fixed()
    {
        // The server neither restores nor builds: the tool and the analyzer must be on disk before it starts.
        var restore = Required(ChildProcess.Run(RepositoryRoot.Path, "dotnet", "tool restore", TimeSpan.FromMinutes(3)));
        output.WriteLine($"dotnet tool restore: {restore.TotalSeconds:F1} s");
        output.WriteLine($"build of the sample: {Required(ChildProcess.Run(SampleDirectory, "dotnet", "build", TimeSpan.FromMinutes(5))).TotalSeconds:F1} s");

        var text = await File.ReadAllTextAsync(SourceFile, TestContext.Current.CancellationToken);
        var bug = Position(text, "x * dy");
        var witness = Position(text, "x.PointwiseMultiply(dy)");
        var uri = new Uri(SourceFile).AbsoluteUri;

        var settings = new JsonObject { ["analyzersEnabled"] = true, ["locale"] = "en-US" };
        await using var server = LspClient.Start("dotnet", "tool run csharp-ls", SampleDirectory, settings);
        try
        {
            await server.RequestAsync("initialize", new JsonObject
            {
                ["processId"] = Environment.ProcessId,
                ["rootUri"] = new Uri(SampleDirectory).AbsoluteUri,
                ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = new Uri(SampleDirectory).AbsoluteUri, ["name"] = "Sample" }),
                // Push diagnostics only: a client that announces pull diagnostics gets no publishDiagnostics.
                ["capabilities"] = new JsonObject
                {
                    ["workspace"] = new JsonObject { ["configuration"] = true },
                    ["textDocument"] = new JsonObject { ["publishDiagnostics"] = new JsonObject(), ["synchronization"] = new JsonObject() },
                },
                ["initializationOptions"] = new JsonObject { ["csharp"] = settings.DeepClone() },
            }, TimeSpan.FromMinutes(1));
        }
        catch (Exception e) when (e is TimeoutException or IOException)
        {
            Assert.Fail($"csharp-ls did not start or did not answer 'initialize' ({(server.HasExited ? "the process exited" : "still running")}). " +
                        $"Is the local tool restored (`dotnet tool restore` at the repository root)?\n{e.Message}\nServer log:\n{server.Log()}");
        }
        await server.NotifyAsync("initialized", new JsonObject());
        await server.NotifyAsync("workspace/didChangeConfiguration", new JsonObject { ["settings"] = new JsonObject { ["csharp"] = settings.DeepClone() } });

        await server.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "csharp", ["version"] = 1, ["text"] = text },
        });
        var (opened, seenAfterOpen) = await server.WaitForDiagnosticsAsync(SourceFile, d => d.WithCode("GC0001").Any(), FirstDiagnostics);
        Assert.True(opened is not null,
            $"No GC0001 from csharp-ls within {FirstDiagnostics.TotalSeconds:F0} s of opening {Path.GetFileName(SourceFile)}. " +
            $"Lists pushed for it:\n{string.Join("\n", seenAfterOpen)}\nServer log:\n{server.Log()}");
        output.WriteLine($"GC0001 pushed {opened.ArrivedAfter.TotalSeconds:F1} s after the server started: {opened}");

        // Where `dotnet build` puts it: the start of the product.
        var gc0001 = Assert.Single(opened.WithCode("GC0001"));
        Assert.Equal(bug, (gc0001.Line, gc0001.Character));
        Assert.Contains("(N×D)·(N×H)", gc0001.Message);
        Assert.Contains(opened.WithCode("GC0002"), d => (d.Line, d.Character) == witness);

        // Fix the product in the editor's buffer only (the file on disk keeps the bug for the next run).
        var edit = server.Log().Length;
        await server.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text.Replace("x * dy", "x.TransposeThisAndMultiply(dy)",
                StringComparison.Ordinal) }),
        });
        // GC0002 still there proves the list comes from analysing the edited text, not from a partial pass.
        var (fixedList, seenAfterEdit) = await server.WaitForDiagnosticsAsync(SourceFile,
            d => !d.WithCode("GC0001").Any() && d.WithCode("GC0002").Any(), AfterEdit);
        Assert.True(fixedList is not null,
            $"GC0001 did not go within {AfterEdit.TotalSeconds:F0} s of fixing the product. Lists pushed after the edit:\n" +
            $"{string.Join("\n", seenAfterEdit)}\nServer log since the edit:\n{server.Log()[edit..]}");
        output.WriteLine($"GC0001 gone {(fixedList.ArrivedAfter - opened.ArrivedAfter).TotalSeconds:F1} s after the fix was sent: {fixedList}");
    }

    /// <summary>The 0-based line and character of the first occurrence of <paramref name="snippet"/>.</summary>
    private static (int Line, int Character) Position(string text, string snippet)
    {
        var index = text.IndexOf(snippet, StringComparison.Ordinal);
        Assert.True(index >= 0, $"The sample no longer contains `{snippet}`.");
        var line = text[..index].Count(c => c == '\n');
        return (line, index - (text.LastIndexOf('\n', index - 1) + 1));
    }

    /// <summary>A set-up step that must succeed: its duration, or the test fails with the command's output.</summary>
    private static TimeSpan Required(ChildProcessRun run) => run.Succeeded ? run.Duration : throw new Xunit.Sdk.XunitException(run.Describe());
}
