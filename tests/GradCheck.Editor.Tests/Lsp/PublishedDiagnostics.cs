namespace GradCheck.Editor.Tests.Lsp;

/// <summary>One diagnostic as a language server pushes it: code, message and the 0-based start of its range.</summary>
public sealed record LspDiagnostic(string Code, string Message, int Line, int Character)
{
    public override string ToString() => $"{Code} at {Line + 1}:{Character + 1}: {Message}";
}

/// <summary>A textDocument/publishDiagnostics notification: the server's whole current list for one file.</summary>
public sealed record PublishedDiagnostics(string Path, IReadOnlyList<LspDiagnostic> Diagnostics, TimeSpan ArrivedAfter)
{
    public IEnumerable<LspDiagnostic> WithCode(string code) => Diagnostics.Where(d => d.Code == code);

    public override string ToString() =>
        $"after {ArrivedAfter.TotalSeconds:F1} s, {Diagnostics.Count} diagnostic(s){string.Concat(Diagnostics.Select(d => "\n    " + d))}";
}
