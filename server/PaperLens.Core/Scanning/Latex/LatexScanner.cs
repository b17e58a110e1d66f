using PaperLens.Core.Citations;

namespace PaperLens.Core.Scanning.Latex;

/// <summary>Citations in a LaTeX document (spec §3): the prefixed forms and URLs of its prose,
/// <c>\url</c>, <c>\href</c> (its text read like link text), <c>\arxiv</c> and <c>\eprint</c>, the keys of
/// the <c>\cite</c> family, the <c>\bibitem</c>s of its <c>thebibliography</c> (as <see cref="BibEntry"/>s
/// its keys resolve to, and citations read like reference entries) and the .bib files it names; the text
/// of <c>%</c> comments as comments. Verbatim text is never read. Built on <see cref="TexTokenizer"/>.</summary>
public static class LatexScanner
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase) { ".tex", ".ltx" };

    /// <summary>Whether the file is a LaTeX document read by this scanner (a package, <c>.sty</c>, is code).</summary>
    public static bool Reads(string path) => Extensions.Contains(Path.GetExtension(path));

    public static ScannedDocument Scan(string path, string text) => new LatexReader(text).Read(path);
}
