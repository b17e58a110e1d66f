using System.Text.Json;
using PaperLens.Core.Index;
using PaperLens.Core.Rules;
using PaperLens.Server.Protocol;
using PaperLens.Server.Session;
using PaperLens.Server.Transport;

namespace PaperLens.Server.Handlers;

/// <summary>A document's findings from the snapshot's <see cref="Core.Analysis"/> as LSP diagnostics,
/// for pushing (publishDiagnostics) and pulling (textDocument/diagnostic) alike.</summary>
public static class DiagnosticsHandler
{
    public static IReadOnlyList<LspDiagnostic> ToLsp(Snapshot snapshot, IndexedDocument document, IReadOnlyList<Diagnostic> findings) =>
        findings.Select(f => ToLsp(snapshot, document, f)).ToList();

    public static FullDocumentDiagnosticReport Pull(Snapshot snapshot, DocumentDiagnosticParams request)
    {
        if (snapshot.Document(request.TextDocument) is not { } document) return new FullDocumentDiagnosticReport([], null);
        return new FullDocumentDiagnosticReport(ToLsp(snapshot, document, snapshot.Analysis.DocumentDiagnostics(document.Path)), null);
    }

    private static LspDiagnostic ToLsp(Snapshot snapshot, IndexedDocument document, Diagnostic finding) => new()
    {
        Range = snapshot.Range(document, finding.Span),
        Severity = finding.Severity switch
        {
            Severity.Error => 1,
            Severity.Warning => 2,
            Severity.Information => 3,
            _ => 4,
        },
        Code = finding.Code,
        Message = finding.Message,
        Data = finding.Id is null ? null : JsonSerializer.SerializeToElement(new DiagnosticData(finding.Id.Canonical), LspJson.Context.DiagnosticData),
    };
}
