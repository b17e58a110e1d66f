using PaperLens.Core.Citations;
using PaperLens.Core.Scanning;
using PaperLens.Core.Text;

namespace PaperLens.Core.Features;

/// <summary>How much of the text a citation occupies as written: a citation's span covers only its
/// id, but rewriting it (a URL into <c>arXiv:ID</c>, a bare id into a Markdown link) replaces the
/// prefix or URL too. That is the extent <see cref="TextCitationFinder"/> found, confirmed again on
/// the current text, so the forms (and the URL hosts) stay defined in one place.</summary>
public static class WrittenForm
{
    /// <summary>Whether the written text is a URL (<c>Url</c>) or a DOI (<c>Doi</c>) — for BibTeX
    /// fields, which carry either — and its extent.</summary>
    public sealed record Extent(TextSpan Span, CitationForm Form);

    /// <summary>The prefix form's whole text, <c>arXiv:2312.00752</c> or <c>arXiv preprint 2312.00752</c>.</summary>
    public static TextSpan? Prefix(string text, Citation citation) =>
        citation.Form == CitationForm.Prefix && AsFound(text, citation) is { Form: CitationForm.Prefix } found ? found.Extent : null;

    /// <summary>A URL or DOI's whole text (with <c>doi:</c> before a bare DOI and <c>.pdf</c> after a
    /// PDF link), for the URL and DOI forms and for BibTeX fields holding one; null for anything else.</summary>
    public static Extent? UrlOrDoi(string text, Citation citation)
    {
        if (citation.Form is not (CitationForm.Url or CitationForm.Doi or CitationForm.Bibtex)) return null;
        if (AsFound(text, citation) is not { Form: CitationForm.Url or CitationForm.Doi, Extent: { } whole } found) return null;
        var (start, end) = (whole.Start, whole.End);
        if (found.Form == CitationForm.Url && HasAt(text, end, ".pdf")) end += 4;
        if (found.Form == CitationForm.Doi) start = WithDoiLabel(text, start);
        return new Extent(TextSpan.FromBounds(start, end), found.Form);
    }

    /// <summary>The citation as the finder reads its extent in the current text, or null when the text
    /// there has changed (or the citation has no extent: a BibTeX eprint, a pandoc key).</summary>
    private static Citation? AsFound(string text, Citation citation)
    {
        if (citation.Extent is not { } extent || extent.End > text.Length || citation.Span.End > text.Length
            || !text.AsSpan(citation.Span.Start, citation.Span.Length).SequenceEqual(citation.RawText))
            return null;
        return TextCitationFinder.FindIds(text, extent.Start, extent.End).FirstOrDefault(c => c.Span == citation.Span && c.Extent == extent);
    }

    private static bool HasAt(string text, int at, string what) =>
        at + what.Length <= text.Length && text.AsSpan(at, what.Length).Equals(what, StringComparison.OrdinalIgnoreCase);

    // "doi:10.48550/arXiv.…" and "doi: 10.48550/…" name the DOI; the label goes with it.
    private static int WithDoiLabel(string text, int start)
    {
        var at = start;
        if (at > 0 && text[at - 1] == ' ') at--;
        return at >= 4 && text.AsSpan(at - 4, 4).Equals("doi:", StringComparison.OrdinalIgnoreCase) ? at - 4 : start;
    }
}
