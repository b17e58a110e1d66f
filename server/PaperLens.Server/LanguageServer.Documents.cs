using PaperLens.Core.Index;
using PaperLens.Core.Scanning;
using PaperLens.Core.Text;
using PaperLens.Core.Workspace;
using PaperLens.Server.Protocol;
using PaperLens.Server.Session;
using PaperLens.Server.Transport;
using StreamJsonRpc;

namespace PaperLens.Server;

// Document synchronisation: each notification replaces the index with a new snapshot, in order.
public sealed partial class LanguageServer
{
    public void DidOpen(DidOpenTextDocumentParams request)
    {
        if (_settings is null || DocumentUri.ToPath(request.TextDocument.Uri) is not { } path) return;
        Update(IndexedDocument.FromText(path, request.TextDocument.Text, request.TextDocument.Version));
    }

    public void DidChange(DidChangeTextDocumentParams request)
    {
        if (_settings is null || DocumentUri.ToPath(request.TextDocument.Uri) is not { } path) return;
        if (_index.Get(path) is not { Text: { } text, Lines: var lines })
        {
            Log(2, $"didChange for a document that is not open: {request.TextDocument.Uri}");
            return;
        }
        foreach (var change in request.ContentChanges)
        {
            // The open document's line map serves the first change; later ones apply to new text.
            text = Apply(text, lines ?? new LineMap(text), change);
            lines = null;
        }
        Update(IndexedDocument.FromText(path, text, request.TextDocument.Version));
    }

    public void DidClose(DidCloseTextDocumentParams request)
    {
        if (_settings is null || DocumentUri.ToPath(request.TextDocument.Uri) is not { } path) return;
        // A workspace file goes back to what is on disk: the editor may have discarded its edits. Any
        // other document leaves with the editor, or the workspace would go on counting it.
        Update(WorkspaceFolders.Contain(_roots, path) ? ReadFromDisk(path) : null, path);
    }

    public void DidChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams request)
    {
        if (_settings is null) return;
        foreach (var removed in request.Event.Removed)
        {
            if (DocumentUri.ToPath(removed.Uri) is not { } root) continue;
            _roots = _roots.Remove(root);
            _watcher?.Unwatch(root);
            foreach (var path in _index.Documents.Keys.Where(p => WorkspaceFolders.IsInside(p, root)).ToList())
                _index = _index.Without(path);
        }
        var added = request.Event.Added.Select(f => DocumentUri.ToPath(f.Uri)).OfType<string>().ToList();
        _roots = _roots.AddRange(added);
        foreach (var root in added) _watcher?.Watch(root);
        Indexing = IndexWorkspaceAsync(added);
    }

    private void Update(IndexedDocument? document, string? removedPath = null)
    {
        _index = document is null ? _index.Without(removedPath!) : _index.With(document);
        if (document is not null) EnqueueCitedBy(document);
        // Every document whose findings the change touched is published again, not only this one.
        _diagnostics?.Schedule();
    }

    /// <summary>The file's current content as a closed document, or null if it is gone, unreadable,
    /// or of a kind the workspace does not scan.</summary>
    private static IndexedDocument? ReadFromDisk(string path)
    {
        if (!DocumentScanner.CanScan(path)) return null;
        var file = WorkspaceFileReader.Read(path);
        return file.Text is null ? null : IndexedDocument.FromText(path, file.Text, null) with { Text = null };
    }

    /// <summary>Applies one incremental change. Ranges are clamped, so a client's off-by-one can't throw.</summary>
    private string Apply(string text, LineMap lines, TextDocumentContentChangeEvent change)
    {
        if (change.Range is null) return change.Text;
        var start = _encoding.ToOffset(text, lines, change.Range.Start);
        var end = Math.Max(start, _encoding.ToOffset(text, lines, change.Range.End));
        return string.Concat(text.AsSpan(0, start), change.Text, text.AsSpan(end));
    }
}
