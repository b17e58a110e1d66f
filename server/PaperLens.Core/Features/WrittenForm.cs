using PaperLens.Core.Citations;
using PaperLens.Core.Scanning;
using PaperLens.Core.Text;

namespace PaperLens.Core.Features;

/// <summary>How much of the text a citation occupies as written: a citation's span covers only its
/// id, but rewriting it (a URL into <c>arXiv:ID</c>, a bare id into a Markdown link) replaces the
/// prefix or URL too. The extent found is confirmed by <see cref="TextCitationFinder"/>, so the
/// forms stay defined in one place.</summary>
public static class WrittenForm
{
    /// <summary>Whether the written text is a URL (<c>Url</c>) or a DOI (<c>Doi</c>) — for BibTeX
    /// fields, which carry either — and its extent.</summary>
    public sealed record Extent(TextSpan Span, CitationForm Form);

    // Where a URL or DOI can begin, leftmost first; anything before them on the same run is not
    // part of the citation.
    private static readonly string[] Heads =
    [
        "https://", "http://", "www.", "dx.doi.org/", "doi.org/", "export.arxiv.org/", "arxiv.org/",
        "ar5iv", "huggingface.co/", "alphaxiv.org/", "10.48550/",
    ];

    // Longer than any URL head before an id (https://www.ar5iv.labs.arxiv.org/html/ is 39).
    private const int LongestHead = 64;

    /// <summary>The prefix form's whole text, <c>arXiv:2312.00752</c> or <c>arXiv 2312.00752</c>.</summary>
    public static TextSpan? Prefix(string text, Citation citation)
    {
        if (citation.Form != CitationForm.Prefix || !IsAsWritten(text, citation)) return null;
        var start = citation.Span.Start;
        if (start > 0 && char.IsWhiteSpace(text[start - 1])) start--;
        if (start > 0 && text[start - 1] == ':') start--;
        if (start < 5 || !text.AsSpan(start - 5, 5).Equals("arxiv", StringComparison.OrdinalIgnoreCase)) return null;
        var span = TextSpan.FromBounds(start - 5, citation.Span.End);
        return Confirms(text, span, citation, CitationForm.Prefix) ? span : null;
    }

    /// <summary>A URL or DOI's whole text (with <c>doi:</c> before a bare DOI and <c>.pdf</c> after a
    /// PDF link), for the URL and DOI forms and for BibTeX fields holding one; null for anything else.</summary>
    public static Extent? UrlOrDoi(string text, Citation citation)
    {
        if (citation.Form is not (CitationForm.Url or CitationForm.Doi or CitationForm.Bibtex) || !IsAsWritten(text, citation)) return null;
        var idStart = citation.Span.Start;
        var runStart = idStart;
        while (runStart > 0 && idStart - runStart < LongestHead && !IsDelimiter(text[runStart - 1])) runStart--;

        for (var start = runStart; start < idStart; start++)
        {
            if (!StartsWithHead(text, start)) continue;
            var end = citation.Span.End;
            var form = text.AsSpan(start, idStart - start).Contains("10.48550/", StringComparison.OrdinalIgnoreCase) ? CitationForm.Doi : CitationForm.Url;
            if (!Confirms(text, TextSpan.FromBounds(start, end), citation, form)) continue;
            if (form == CitationForm.Url && HasAt(text, end, ".pdf")) end += 4;
            if (form == CitationForm.Doi) start = WithDoiLabel(text, start);
            return new Extent(TextSpan.FromBounds(start, end), form);
        }
        return null;
    }

    private static bool IsAsWritten(string text, Citation citation) =>
        citation.Span.End <= text.Length && text.AsSpan(citation.Span.Start, citation.Span.Length).SequenceEqual(citation.RawText);

    private static bool Confirms(string text, TextSpan span, Citation citation, CitationForm form) =>
        TextCitationFinder.Find(text, span.Start, span.End).Any(c => c.Span == citation.Span && c.Form == form);

    private static bool StartsWithHead(string text, int at)
    {
        foreach (var head in Heads)
        {
            if (HasAt(text, at, head)) return true;
        }
        return false;
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

    private static bool IsDelimiter(char c) => char.IsWhiteSpace(c) || c is '(' or ')' or '<' or '>' or '[' or ']' or '{' or '}' or '"' or '\'' or '`' or '*' or '|' or ',' or ';';
}
