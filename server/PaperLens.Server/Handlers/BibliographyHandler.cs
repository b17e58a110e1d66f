using PaperLens.Server.Protocol;
using PaperLens.Server.Session;

namespace PaperLens.Server.Handlers;

/// <summary>BibTeX for the editor: <c>paperlens/bibtex</c> (the entry of the paper cited at a position, for
/// the clipboard) and the entry a completion item's <c>paperlens.addToBibliography</c> command adds, as the
/// same workspace edit as the "Add to bibliography" code action.</summary>
public static class BibliographyHandler
{
    public static BibtexResult? Bibtex(Snapshot snapshot, TextDocumentPositionParams request) =>
        snapshot.Cursor(request) is var (document, offset) && snapshot.Analysis.BibtexAt(document.Path, offset) is { } entry
            ? new BibtexResult(entry.Key, entry.Text)
            : null;

    /// <summary>The edit adding the paper's entry under <paramref name="key"/> to the bibliography of the
    /// document at <paramref name="uri"/>, with its label; null when there is nothing to add.</summary>
    public static (string Label, WorkspaceEdit Edit)? Addition(Snapshot snapshot, string uri, string id, string? key) =>
        snapshot.Document(new TextDocumentIdentifier(uri)) is { } document
        && snapshot.Analysis.AddToBibliography(document.Path, id, key) is { Bibliography: { } file } addition
            ? (addition.Title, CodeActionHandler.BibliographyEdit(snapshot, file, addition.NewText))
            : null;
}
