using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace GradCheck.Analyzers.Tests.Infrastructure;

/// <summary>
/// Runs a code fix provider the way an IDE does — diagnostics, offered actions, applied changes — so tests can see
/// every action offered and check each result by a text round trip.
/// </summary>
internal static class CodeFixRunner
{
    public sealed record Offer(string Title, string FixedText);

    /// <summary>Every action the provider offers for the diagnostics with <paramref name="id"/>, with the document's text after it.</summary>
    public static async Task<IReadOnlyList<Offer>> OffersAsync(string source, CodeFixProvider provider, string id)
    {
        var document = CreateDocument(source);
        var diagnostics = await DiagnosticsAsync(document, id);
        var offers = new List<Offer>();
        foreach (var diagnostic in diagnostics)
        {
            var actions = new List<CodeAction>();
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), TestContext.Current.CancellationToken);
            await provider.RegisterCodeFixesAsync(context);
            foreach (var action in actions) offers.Add(new Offer(action.Title, await ApplyAsync(document, action)));
        }

        return offers;
    }

    /// <summary>The document after the provider's fix-all (document scope) for the diagnostics with <paramref name="ids"/>, first action's key.</summary>
    public static async Task<string> FixAllAsync(string source, CodeFixProvider provider, params string[] ids)
    {
        var document = CreateDocument(source);
        var diagnostics = new List<Diagnostic>();
        foreach (var id in ids) diagnostics.AddRange(await DiagnosticsAsync(document, id));
        Assert.NotEmpty(diagnostics);
        var actions = new List<CodeAction>();
        var first = new CodeFixContext(document, diagnostics[0], (action, _) => actions.Add(action), TestContext.Current.CancellationToken);
        await provider.RegisterCodeFixesAsync(first);
        var fixAll = provider.GetFixAllProvider()!;
        var context = new FixAllContext(document, provider, FixAllScope.Document, actions[0].EquivalenceKey, ids,
            new Provider(diagnostics.ToImmutableArray()), TestContext.Current.CancellationToken);
        var action = await fixAll.GetFixAsync(context);
        Assert.NotNull(action);
        return await ApplyAsync(document, action!);
    }

    private static Document CreateDocument(string source)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.CurrentSolution.AddProject("Fix", "Fix", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .WithMetadataReferences(AnalyzerVerifier.References);
        project = project.AddDocument("Contract.cs", TestCode.Contract).Project;
        return project.AddDocument("Test.cs", SourceText.From(source));
    }

    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Document document, string id)
    {
        var compilation = (await document.Project.GetCompilationAsync(TestContext.Current.CancellationToken))!;
        var analyzed = await compilation.WithAnalyzers([new ShapeAnalyzer()]).GetAnalyzerDiagnosticsAsync(TestContext.Current.CancellationToken);
        var tree = await document.GetSyntaxTreeAsync(TestContext.Current.CancellationToken);
        return [.. analyzed.Where(d => d.Id == id && d.Location.SourceTree == tree).OrderBy(d => d.Location.SourceSpan.Start)];
    }

    private static async Task<string> ApplyAsync(Document document, CodeAction action)
    {
        var operations = await action.GetOperationsAsync(TestContext.Current.CancellationToken);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
        return (await changed.GetTextAsync(TestContext.Current.CancellationToken)).ToString();
    }

    private sealed class Provider(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>([]);
    }
}
