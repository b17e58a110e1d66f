using System.Collections.Immutable;
using PaperLens.Core.Scanning.Code;
using PaperLens.Server.Transport;

namespace PaperLens.Server.Session;

/// <summary>The cells of the notebooks open in the editor (LSP notebook document sync). Each cell is a
/// text document of its own, indexed under a path of its own beside its notebook:
/// <c>/dir/analysis.ipynb#cell3.md</c> for a markdown cell, <c>…#cell4.py</c> for a Python one. The
/// extension picks the scanner, completion and edits of the cell's language, and the folder is the
/// notebook's, so a relative bibliography resolves as it does from the notebook. The cell's own URI
/// (<c>vscode-notebook-cell:…</c>) is no file URI: this map turns it into that path and back. Immutable:
/// a snapshot holds the map of its moment.</summary>
public sealed record NotebookCells(
    ImmutableDictionary<string, NotebookCell> ByUri,
    ImmutableDictionary<string, string> UriByPath,
    int Opened)
{
    public static NotebookCells Empty { get; } = new(ImmutableDictionary<string, NotebookCell>.Empty, ImmutableDictionary<string, string>.Empty, 0);

    /// <summary>The indexed path of a document URI: a cell's own path, or a file's.</summary>
    public string? ToPath(string uri) => ByUri.TryGetValue(uri, out var cell) ? cell.Path : DocumentUri.ToPath(uri);

    /// <summary>The URI the editor knows an indexed path by.</summary>
    public string ToUri(string path) => UriByPath.TryGetValue(path, out var uri) ? uri : DocumentUri.FromPath(path);

    /// <summary>A cell opened in a notebook: a path of its own that no other cell of the session had.</summary>
    public NotebookCells Open(string uri, string notebookPath, string languageId)
    {
        var path = $"{notebookPath}#cell{Opened}{Extension(languageId)}";
        var cells = Close(uri);
        return new(cells.ByUri.SetItem(uri, new NotebookCell(path, notebookPath)), cells.UriByPath.SetItem(path, uri), Opened + 1);
    }

    public NotebookCells Close(string uri) =>
        ByUri.TryGetValue(uri, out var cell) ? this with { ByUri = ByUri.Remove(uri), UriByPath = UriByPath.Remove(cell.Path) } : this;

    public IEnumerable<string> CellsOf(string notebookPath) =>
        ByUri.Where(pair => pair.Value.NotebookPath == notebookPath).Select(pair => pair.Key);

    // VS Code names a markdown cell's language "markdown"; a code cell's is the kernel's (python, r, julia).
    // A cell of a language no scanner reads (raw) is still indexed, with nothing in it.
    private static string Extension(string languageId) =>
        languageId.Equals("markdown", StringComparison.OrdinalIgnoreCase) ? ".md"
        : SourceLanguages.FromName(languageId) is { } language && SourceLanguages.ExtensionOf(language) is { } extension ? extension
        : ".txt";
}

public sealed record NotebookCell(string Path, string NotebookPath);
