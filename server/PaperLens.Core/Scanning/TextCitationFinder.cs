using System.Buffers;
using System.Text.RegularExpressions;
using PaperLens.Core.Citations;
using PaperLens.Core.Identifiers;
using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning;

/// <summary>Finds the prefixed, URL and DOI citation forms (spec §2.1-2.2) in a run of plain text:
/// prose, a comment, link text. Every scanner uses it for the text its own syntax says is
/// searchable, so the forms are defined once. A bare <c>1706.03762</c> is never a citation.</summary>
public static partial class TextCitationFinder
{
    /// <summary>Every form of spec §2.1-2.2 contains one of these (any case); text without them cannot
    /// hold a citation, and most text has none, so scanners use them as a cheap pre-filter.</summary>
    internal static readonly string[] MarkerWords = ["arxiv", "ar5iv", "alphaxiv", "huggingface.co/papers", "10.48550"];

    internal static readonly SearchValues<string> Markers = SearchValues.Create(MarkerWords, StringComparison.OrdinalIgnoreCase);

    // Id-shaped text, wider than valid ids so that malformed ones are caught (spec §1, last point).
    private const string IdShape = @"(?<id>(?:\d{4}\.\d{3,6}|[A-Za-z][A-Za-z\-]{1,9}(?:\.[A-Za-z]{2})?/\d{5,8})(?:[vV]\d+)?)(?!\w|/\w|\.\d)";

    [GeneratedRegex(
        @"(?<doi>(?:(?:https?://)?(?:dx\.)?doi\.org/)?10\.48550/arxiv\.)" + IdShape +
        @"|(?<url>(?<![\w.])(?:https?://)?(?:www\.)?(?:(?:export\.)?arxiv\.org/(?:abs|pdf|html)/|ar5iv(?:\.labs\.arxiv)?\.org/(?:abs|html)/|huggingface\.co/papers/|(?:www\.)?alphaxiv\.org/abs/))" + IdShape +
        @"|(?<prefix>(?<![\w./])arxiv(?::\s?|\s))" + IdShape,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex CitationPattern();

    /// <summary>Citations in <paramref name="text"/>[start..end), with inline claims read from the
    /// same range (a quoted title beside the id, an author-year reference entry, a <c>- Name: URL</c> label).</summary>
    public static IEnumerable<Citation> Find(string text, int start, int end)
    {
        if (text.AsSpan(start, end - start).IndexOfAny(Markers) < 0) yield break;
        // Match(input, beginning, length) confines look-behinds to the range: text outside it
        // (the rest of a string literal, say) cannot make or break a citation.
        for (var m = CitationPattern().Match(text, start, end - start); m.Success; m = m.NextMatch())
        {
            var id = m.Groups["id"];
            var form = m.Groups["doi"].Success ? CitationForm.Doi : m.Groups["url"].Success ? CitationForm.Url : CitationForm.Prefix;
            var raw = id.Value;
            var parsed = ArxivIdParser.Parse(raw);
            var span = new TextSpan(id.Index, raw.Length);
            var claims = InlineClaims.Find(text, start, end, TextSpan.FromBounds(m.Index, span.End));
            yield return new Citation
            {
                Span = span,
                Extent = TextSpan.FromBounds(m.Index, span.End),
                Form = form,
                RawText = raw,
                Id = parsed.Id,
                Version = parsed.Version,
                MalformedReason = parsed.Error,
                Claim = claims.Claim,
                AuthorYear = claims.AuthorYear,
            };
        }
    }

    /// <summary>The whole text.</summary>
    public static IEnumerable<Citation> Find(string text) => Find(text, 0, text.Length);
}
