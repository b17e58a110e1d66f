using System.Text.Json.Serialization;

namespace PaperLens.Server.Protocol;

// LSP 3.17 notebook document sync. Only what PaperLens reads is declared: each cell is indexed as a text
// document of its own, so the cells' text documents matter, not the notebook's cell array or metadata.

public sealed record NotebookDocumentSyncOptions(
    [property: JsonPropertyName("notebookSelector")] IReadOnlyList<NotebookSelector> NotebookSelector);

/// <summary>A notebook type to sync; without <c>cells</c>, every cell whatever its language.</summary>
public sealed record NotebookSelector([property: JsonPropertyName("notebook")] string Notebook);

public sealed record NotebookDocumentIdentifier([property: JsonPropertyName("uri")] string Uri);

public sealed record DidOpenNotebookDocumentParams(
    [property: JsonPropertyName("notebookDocument")] NotebookDocumentIdentifier NotebookDocument,
    [property: JsonPropertyName("cellTextDocuments")] IReadOnlyList<TextDocumentItem> CellTextDocuments);

public sealed record DidChangeNotebookDocumentParams(
    [property: JsonPropertyName("notebookDocument")] NotebookDocumentIdentifier NotebookDocument,
    [property: JsonPropertyName("change")] NotebookDocumentChangeEvent Change);

public sealed record NotebookDocumentChangeEvent
{
    /// <summary>Absent when only the notebook's metadata changed.</summary>
    [JsonPropertyName("cells")] public NotebookCellsChange? Cells { get; init; }
}

public sealed record NotebookCellsChange
{
    [JsonPropertyName("structure")] public NotebookCellsStructureChange? Structure { get; init; }
    [JsonPropertyName("textContent")] public IReadOnlyList<NotebookCellTextChange>? TextContent { get; init; }
}

/// <summary>Cells added (their text documents opened) and removed (closed); the cell array's splice itself
/// is not needed, an index keyed by cell needs no order.</summary>
public sealed record NotebookCellsStructureChange
{
    [JsonPropertyName("didOpen")] public IReadOnlyList<TextDocumentItem>? DidOpen { get; init; }
    [JsonPropertyName("didClose")] public IReadOnlyList<TextDocumentIdentifier>? DidClose { get; init; }
}

public sealed record NotebookCellTextChange(
    [property: JsonPropertyName("document")] VersionedTextDocumentIdentifier Document,
    [property: JsonPropertyName("changes")] IReadOnlyList<TextDocumentContentChangeEvent> Changes);

public sealed record DidCloseNotebookDocumentParams(
    [property: JsonPropertyName("notebookDocument")] NotebookDocumentIdentifier NotebookDocument,
    [property: JsonPropertyName("cellTextDocuments")] IReadOnlyList<TextDocumentIdentifier> CellTextDocuments);
