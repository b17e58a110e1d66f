using System.Text.Json;
using PaperLens.Core.Index;
using PaperLens.Core.Rules;
using PaperLens.Server.Protocol;
using PaperLens.Server.Session;

namespace PaperLens.Server.Handlers;

/// <summary>The check's findings as LSP diagnostics, for pushing (publishDiagnostics) and pulling
/// (textDocument/diagnostic) alike.</summary>
public static class DiagnosticsHandler
{
    public static IReadOnlyDictionary<string, IReadOnlyList<LspDiagnostic>> For(Snapshot snapshot, IReadOnlyList<IndexedDocument> documents)
    {
        var findings = snapshot.Index.Check(documents, snapshot.Papers, snapshot.Settings.Rules).ToLookup(d => d.Path, StringComparer.Ordinal);
        return documents.ToDictionary(
            d => d.Path,
            d => (IReadOnlyList<LspDiagnostic>)findings[d.Path].Select(f => ToLsp(snapshot, d, f)).ToList(),
            StringComparer.Ordinal);
    }

    public static FullDocumentDiagnosticReport Pull(Snapshot snapshot, DocumentDiagnosticParams request)
    {
        if (snapshot.Document(request.TextDocument) is not { } document) return new FullDocumentDiagnosticReport([], null);
        return new FullDocumentDiagnosticReport(For(snapshot, [document])[document.Path], null);
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
        Data = finding.Id is null ? null : JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["id"] = finding.Id.Canonical }),
    };
}
