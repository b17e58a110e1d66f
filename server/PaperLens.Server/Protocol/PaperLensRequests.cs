using System.Text.Json.Serialization;

namespace PaperLens.Server.Protocol;

// PaperLens's own messages beside LSP (the VS Code extension's commands and status bar). Requests
// and notifications are named paperlens/*; the client ignores what it does not know.

/// <summary><c>paperlens/searchPapers</c>: the catalog searched like the CLI's lookup. The document,
/// when given, decides how a picked paper is written into it (a Markdown link or <c>arXiv:ID</c>).</summary>
public sealed record SearchPapersParams(
    [property: JsonPropertyName("query")] string? Query = null,
    [property: JsonPropertyName("limit")] int? Limit = null,
    [property: JsonPropertyName("textDocument")] TextDocumentIdentifier? TextDocument = null);

public sealed record PaperSearchItem(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("authors")] string Authors,
    [property: JsonPropertyName("year")] int? Year,
    [property: JsonPropertyName("insertText")] string InsertText);

/// <summary><c>paperlens/bibtex</c> (at a position): the BibTeX entry of the paper cited there, for the
/// clipboard, under the key a .bib gives it or else the key rule's.</summary>
public sealed record BibtexResult(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("entry")] string Entry);

/// <summary>The state a status bar shows: answered by <c>paperlens/status</c> and pushed as
/// <c>paperlens/statusChanged</c> when indexing starts and ends and when settings change. The catalog
/// is the file the server reads, so that an import from the editor writes to the same one.</summary>
public sealed record ServerStatus(
    [property: JsonPropertyName("indexing")] bool Indexing,
    [property: JsonPropertyName("files")] int Files,
    [property: JsonPropertyName("citations")] int Citations,
    [property: JsonPropertyName("offline")] bool Offline,
    [property: JsonPropertyName("catalog")] string Catalog);
