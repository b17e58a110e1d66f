using PaperLens.Core.Citations;
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
        // A notebook cell's edits arrive here too (DidChangeNotebook), by its own URI.
        if (_settings is null || _cells.ToPath(request.TextDocument.Uri) is not { } path) return;
        if (_index.Get(path) is not { Text: { } text, Lines: var lines } open)
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
        Update(open.Edited(text, request.TextDocument.Version));
    }

    public void DidClose(DidCloseTextDocumentParams request)
    {
        if (_settings is null || DocumentUri.ToPath(request.TextDocument.Uri) is not { } path) return;
        // A workspace file goes back to what is on disk: the editor may have discarded its edits. Any
        // other document leaves with the editor, or the workspace would go on counting it.
        Update(WorkspaceFolders.Contain(_roots, path) ? ReadFromDisk(path) : null, path);
    }

    /// <summary>A notebook opened: each cell becomes a document of its own (<see cref="NotebookCells"/>), and
    /// the notebook file's own entry is emptied while it is open, so that its citations are counted and
    /// diagnosed once, in the cells the editor shows, not again at the .ipynb file's lines. The empty entry
    /// is an open document: the disk, the workspace walk and the watchers leave it alone until didClose.</summary>
    public void DidOpenNotebook(DidOpenNotebookDocumentParams request)
    {
        if (_settings is null || DocumentUri.ToPath(request.NotebookDocument.Uri) is not { } notebook) return;
        _index = _index.With(new IndexedDocument(ScannedDocument.Empty(notebook), new LineMap(""), "", null));
        foreach (var cell in request.CellTextDocuments) OpenCell(cell, notebook);
        _diagnostics?.Schedule();
    }

    public void DidChangeNotebook(DidChangeNotebookDocumentParams request)
    {
        if (_settings is null || request.Change.Cells is not { } cells || DocumentUri.ToPath(request.NotebookDocument.Uri) is not { } notebook) return;
        foreach (var cell in cells.Structure?.DidClose ?? []) CloseCell(cell.Uri);
        foreach (var cell in cells.Structure?.DidOpen ?? []) OpenCell(cell, notebook);
        foreach (var edit in cells.TextContent ?? []) DidChange(new DidChangeTextDocumentParams(edit.Document, edit.Changes));
        _diagnostics?.Schedule();
    }

    public void DidCloseNotebook(DidCloseNotebookDocumentParams request)
    {
        if (_settings is null || DocumentUri.ToPath(request.NotebookDocument.Uri) is not { } notebook) return;
        // Every cell of the notebook goes, those the client names and any it forgot.
        foreach (var cell in request.CellTextDocuments.Select(c => c.Uri).Concat(_cells.CellsOf(notebook)).Distinct().ToList()) CloseCell(cell);
        DidClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(request.NotebookDocument.Uri)));
    }

    private void OpenCell(TextDocumentItem cell, string notebook)
    {
        // The map first: a snapshot taken meanwhile off the dispatch context finds every indexed cell's URI.
        _cells = _cells.Open(cell.Uri, notebook, cell.LanguageId);
        var document = IndexedDocument.FromText(_cells.ToPath(cell.Uri)!, cell.Text, cell.Version);
        _index = _index.With(document);
        EnqueueCitedBy(document);
    }

    private void CloseCell(string uri)
    {
        if (!_cells.ByUri.TryGetValue(uri, out var cell)) return;
        _index = _index.Without(cell.Path);
        _cells = _cells.Close(uri);
    }

    public void DidChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams request)
    {
        if (_settings is null) return;
        foreach (var removed in request.Event.Removed)
        {
            if (DocumentUri.ToPath(removed.Uri) is not { } root || !_roots.Contains(root)) continue;
            _roots = _roots.Remove(root);
            // A folder named twice (two entries of a multi-root workspace) is the workspace's until the last goes.
            if (_roots.Contains(root)) continue;
            _watcher?.Unwatch(root);
            // What another folder holds stays, and so do open documents: they leave with the editor (didClose).
            foreach (var path in _index.Documents.Values
                         .Where(d => d.Text is null && WorkspaceFolders.IsInside(d.Path, root) && !WorkspaceFolders.Contain(_roots, d.Path))
                         .Select(d => d.Path).ToList())
                _index = _index.Without(path);
        }
        var added = request.Event.Added.Select(f => DocumentUri.ToPath(f.Uri)).OfType<string>().ToList();
        var unseen = added.Distinct().Where(root => !_roots.Contains(root)).ToList();
        _roots = _roots.AddRange(added);
        foreach (var root in unseen) _watcher?.Watch(root);
        // Indexing is done when every folder is read, the first ones included: a check asked for now waits for all.
        if (unseen.Count > 0) Indexing = Indexing is { IsCompleted: false } reading ? Task.WhenAll(reading, IndexWorkspaceAsync(unseen)) : IndexWorkspaceAsync(unseen);
        _diagnostics?.Schedule();
    }

    private void Update(IndexedDocument? document, string? removedPath = null)
    {
        _index = document is null ? _index.Without(removedPath!) : _index.With(document);
        if (document is not null) EnqueueCitedBy(document);
        // Every document whose findings the change touched is published again, not only this one.
        _diagnostics?.Schedule();
    }

    /// <summary>The file's current content as a closed document, or null if it is gone, of a kind the
    /// workspace does not scan, or not read (a FIFO, too large…: the log says why).</summary>
    private IndexedDocument? ReadFromDisk(string path)
    {
        if (!DocumentScanner.CanScan(path)) return null;
        var file = WorkspaceFileReader.Read(path);
        if (file.Text is null)
        {
            Log(3, $"{path} is not read: {file.SkipReason}");
            return null;
        }
        return IndexedDocument.FromText(path, file.Text, null) with { Text = null };
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
