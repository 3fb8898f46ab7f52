using System;
using Microsoft.CodeAnalysis;

namespace GradCheck.Analyzers.Model;

/// <summary>
/// Where rules report. Inference runs several times until the shapes settle; only the last run has a sink that
/// reports, so each finding is reported once.
/// </summary>
internal sealed class DiagnosticSink
{
    private readonly Action<Diagnostic> report;

    public DiagnosticSink(Action<Diagnostic> report) => this.report = report;

    public void Report(Diagnostic diagnostic) => report(diagnostic);
}
