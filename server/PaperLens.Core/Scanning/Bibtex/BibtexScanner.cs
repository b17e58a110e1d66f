using PaperLens.Core.Citations;

namespace PaperLens.Core.Scanning.Bibtex;

public sealed record BibtexScanResult(IReadOnlyList<Citation> Citations, IReadOnlyList<BibEntry> Entries, IReadOnlyList<SyntaxProblem> Problems);

/// <summary>Citations and entries of BibTeX text (spec §2.3): a .bib file or a bibtex code block.</summary>
public static class BibtexScanner
{
    /// <summary>Reads text[start..end); offsets are into <paramref name="text"/>.</summary>
    public static BibtexScanResult Scan(string text, int start, int end) => throw new NotImplementedException("HELPER-B");
}
