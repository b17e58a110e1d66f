using System.Text;
using PaperLens.Core.Catalog;
using PaperLens.Core.Citations;
using PaperLens.Core.Identifiers;
using PaperLens.Core.Rules;
using PaperLens.Core.Scanning;
using PaperLens.Core.Text;

namespace PaperLens.Core.Features;

/// <summary>The fix for a title written under the wrong id (PL003 naming the paper whose title it is, spec
/// §2, end): the id becomes that paper's, wherever the citation writes it — a prefix, a URL, a DOI, and in
/// a BibTeX entry every field naming the wrong id (eprint, url, doi…), so the entry stays one paper. Each
/// place keeps its version policy: an unpinned id stays unpinned, a pinned one is pinned to the right
/// paper's latest version.</summary>
public static class IdReplacement
{
    /// <param name="entries">The BibTeX entries of the document, for a citation that is one.</param>
    public static CitationEdit? For(string text, Citation citation, IReadOnlyList<Diagnostic> findings, IReadOnlyList<BibEntry> entries, IPaperSource papers)
    {
        if (citation.Id is not { } wrong || findings.FirstOrDefault(f => f.Code == RuleCatalog.TitleMismatch.Code && f.TitleOf is not null) is not { } mismatch) return null;
        if (citation.Span.End > text.Length || !text.AsSpan(citation.Span.Start, citation.Span.Length).SequenceEqual(citation.RawText)) return null;
        var right = mismatch.TitleOf!;
        var paper = papers.Find(right);
        var places = new List<(TextSpan Span, int? Version)> { (citation.Span, citation.Version) };
        if (citation.Form == CitationForm.Bibtex && entries.FirstOrDefault(e => e.Span.Start <= citation.Span.Start && citation.Span.End <= e.Span.End) is { } entry)
        {
            foreach (var other in TextCitationFinder.FindIds(text, entry.Span.Start, Math.Min(entry.Span.End, text.Length)))
            {
                if (other.Id == wrong && other.Span != citation.Span) places.Add((other.Span, other.Version));
            }
        }
        places.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));

        // One edit over the places and the text between them, which stays as it was.
        var start = places[0].Span.Start;
        var replacement = new StringBuilder();
        var at = start;
        foreach (var (span, version) in places)
        {
            replacement.Append(text, at, span.Start - at).Append(right.WithVersion(version is null ? null : paper?.LatestVersion ?? 1));
            at = span.End;
        }
        var title = paper is null ? "" : $" \u201C{ShortTitle.Plain(paper.Title)}\u201D";
        return new CitationEdit($"Replace the id with arXiv:{right}{title}, the paper with this title", CitationEditKind.QuickFix,
            TextSpan.FromBounds(start, at), replacement.ToString(), mismatch);
    }
}
