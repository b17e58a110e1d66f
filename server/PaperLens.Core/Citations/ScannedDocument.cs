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
    /// <summary>The <c>paperlens-ignore</c> comments (spec §5), in document order.</summary>
    public IReadOnlyList<IgnoreComment> Ignores { get; init; } = [];

    /// <summary>How a comment is written at each place of the document.</summary>
    public DocumentComments Comments { get; init; } = DocumentComments.None;

    public static ScannedDocument Empty(string path) => new(path, [], [], [], []);
}
