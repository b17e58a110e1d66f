namespace PaperLens.Core.Citations;

/// <summary>Everything one scanner learned from one document. Immutable; offsets are into the
/// document's text as read (for notebooks: the .ipynb file's text).</summary>
public sealed record ScannedDocument(
    string Path,
    IReadOnlyList<Citation> Citations,
    IReadOnlyList<BibEntry> BibEntries,
    IReadOnlyList<SyntaxProblem> Problems,
    IReadOnlyList<string> Bibliographies)
{
    public static ScannedDocument Empty(string path) => new(path, [], [], [], []);
}
