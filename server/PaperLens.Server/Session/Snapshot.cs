using PaperLens.Core;
using PaperLens.Core.Catalog;
using PaperLens.Core.Index;
using PaperLens.Core.Text;
using PaperLens.Core.Workspace;
using PaperLens.Server.Protocol;
using PaperLens.Server.Transport;

namespace PaperLens.Server.Session;

/// <summary>What a read-only request sees: the index as it was when the request arrived, with the
/// settings and encoding of that moment, and the <see cref="Core.Analysis"/> of that state (shared by
/// every request and publication until the state changes, so its check runs once). Handlers take one
/// of these and nothing mutable; the arXiv lookups running in the background (null offline) can be
/// asked about or offered work, never awaited. Whoever takes a snapshot disposes it when done: that
/// returns its lease on <see cref="Papers"/>, which stays open until then even if the settings switch to
/// another catalog.</summary>
public sealed record Snapshot(Analysis Analysis, PositionEncoding Encoding, ServerSettings Settings, PaperCatalog Papers, DateTimeOffset Now) : IDisposable
{
    internal CatalogLease? Lease { get; init; }

    public WorkspaceIndex Index => Analysis.Index;

    public PaperFetchQueue? Fetches { get; init; }

    public TitleSearch? TitleSearch { get; init; }

    /// <summary>The cells of open notebooks, documents whose URIs are not file URIs.</summary>
    public NotebookCells Cells { get; init; } = NotebookCells.Empty;

    public IndexedDocument? Document(TextDocumentIdentifier id) =>
        Path(id.Uri) is { } path ? Index.Get(path) : null;

    /// <summary>The indexed path of a document URI (a file's, or an open notebook cell's).</summary>
    public string? Path(string uri) => Cells.ToPath(uri);

    /// <summary>The URI the editor knows an indexed document by.</summary>
    public string Uri(string path) => Cells.ToUri(path);

    /// <summary>The offset of an LSP position in an open document; null if the document has no text.</summary>
    public int? Offset(IndexedDocument document, Position position) =>
        document.Text is { } text && document.Lines is { } lines ? Encoding.ToOffset(text, lines, position) : null;

    /// <summary>The open document and the offset of an editor's cursor in it; null for a document
    /// without text.</summary>
    public (IndexedDocument Document, int Offset)? Cursor(TextDocumentPositionParams request) =>
        Document(request.TextDocument) is { } document && Offset(document, request.Position) is { } offset ? (document, offset) : null;

    /// <summary>Where this snapshot's abstract documents are written: beside its catalog.</summary>
    public AbstractFiles Abstracts => AbstractFiles.BesideCatalog(Settings.CatalogPath);

    public Protocol.Range Range(IndexedDocument document, TextSpan span)
    {
        // A closed document keeps no text: it is read from disk once, and only when a line map or
        // UTF-8 columns need it.
        var text = document.Text ?? (document.Lines is null || Encoding != PositionEncoding.Utf16 ? DiskText(document) : null);
        var lines = document.Lines ?? new LineMap(text ?? "");
        return Encoding.ToRange(text, lines, span);
    }

    /// <summary>The empty range at the end of a document's text, where an appended entry goes.</summary>
    public Protocol.Range End(IndexedDocument document)
    {
        var length = document.Text?.Length ?? document.Lines?.TextLength ?? DiskText(document)?.Length ?? 0;
        return Range(document, new TextSpan(length, 0));
    }

    public Location Location(IndexedDocument document, TextSpan span) => new(Uri(document.Path), Range(document, span));

    public void Dispose() => Lease?.Dispose();

    // Closed documents keep no text; UTF-8 columns need it, so it is read again, rarely, as the index
    // read it (and never from a file that became a FIFO since).
    private static string? DiskText(IndexedDocument document) => WorkspaceFileReader.Read(document.Path).Text;
}
