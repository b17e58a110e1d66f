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
    internal static readonly string[] MarkerWords = ["arxiv", "ar5iv", "alphaxiv", "huggingface.co/papers", "hf.co/papers", "10.48550"];

    internal static readonly SearchValues<string> Markers = SearchValues.Create(MarkerWords, StringComparison.OrdinalIgnoreCase);

    // Id-shaped text, wider than valid ids so that malformed ones are caught (spec §1, last point). A
    // letter or digit right after it makes it part of a longer word; an underscore does not, it closes
    // emphasis (_arXiv:ID_).
    private const string IdShape = @"(?<id>(?:\d{4}\.\d{3,6}|[A-Za-z][A-Za-z\-]{1,9}(?:\.[A-Za-z]{2})?/\d{5,8})(?:[vV]\d+)?)(?![\p{L}\p{Mn}\p{Nd}]|/\w|\.\d)";

    // Between the words of a prefix: one space, or a line break where hard-wrapped prose put it.
    private const string Gap = @"(?:[ \t]*\r?\n[ \t]*|\s)";

    // The prefix is a word of its own: emphasis delimiters, '/' and '(' before it are markup and
    // punctuation, a letter or digit is not (myarxiv:…). A host name is not preceded by '.' or '-'
    // either: browse.arxiv.org inside notbrowse.arxiv.org is another host.
    [GeneratedRegex(
        @"(?<doi>(?:(?:https?://)?(?:dx\.)?doi\.org/)?10\.48550/arxiv\.)" + IdShape +
        @"|(?<url>(?<![\p{L}\p{M}\p{N}.\-])(?:https?://)?(?:www\.)?(?:(?:export\.|browse\.)?arxiv\.org/(?:abs|pdf|html)/|ar5iv(?:\.labs\.arxiv)?\.org/(?:abs|html)/|(?:huggingface|hf)\.co/papers/|alphaxiv\.org/(?:abs|overview)/)(?:arxiv:)?)" + IdShape +
        @"|(?<prefix>(?<![\p{L}\p{M}\p{N}.])arxiv(?:" + Gap + @"(?:preprint|e-prints?))?(?:[:：]" + Gap + "?|" + Gap + "))" + IdShape,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex CitationPattern();

    /// <summary>Citations in <paramref name="text"/>[start..end), with inline claims read from the
    /// same range (a quoted title beside the id, an author-year reference entry, a <c>- Name: URL</c> label).</summary>
    public static IEnumerable<Citation> Find(string text, int start, int end) => Matches(text, start, end, readClaims: true);

    /// <summary>Citations in <paramref name="text"/>[start..end) without the claims beside them, for text whose
    /// claims are read elsewhere or not wanted: a link's destination, a BibTeX field, a cite key.</summary>
    public static IEnumerable<Citation> FindIds(string text, int start, int end) => Matches(text, start, end, readClaims: false);

    /// <summary>The whole text, without claims.</summary>
    public static IEnumerable<Citation> FindIds(string text) => FindIds(text, 0, text.Length);

    // Asked of every line of prose and every comment, most of which hold no marker: those get no iterator.
    private static IEnumerable<Citation> Matches(string text, int start, int end, bool readClaims) =>
        text.AsSpan(start, end - start).IndexOfAny(Markers) < 0 ? [] : MarkedMatches(text, start, end, readClaims);

    private static IEnumerable<Citation> MarkedMatches(string text, int start, int end, bool readClaims)
    {
        // Match(input, beginning, length) confines look-behinds to the range: text outside it
        // (the rest of a string literal, say) cannot make or break a citation.
        for (var m = CitationPattern().Match(text, start, end - start); m.Success; m = m.NextMatch())
            yield return FromMatch(text, start, end, m, readClaims);
    }

    /// <summary>Whether the text holds a citation in any form, valid or malformed.</summary>
    public static bool ContainsCitation(string text) =>
        text.AsSpan().IndexOfAny(Markers) >= 0 && CitationPattern().IsMatch(text);

    [GeneratedRegex(@"^" + IdShape + "$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex WholeIdShape();

    /// <summary>Whether the text, all of it, has the shape of an id, valid or malformed (spec §1): what a
    /// field that holds nothing but an id (a BibTeX eprint) must look like to be read as one.</summary>
    public static bool IsIdShaped(string text) => WholeIdShape().IsMatch(text);

    /// <summary>The whole text.</summary>
    public static IEnumerable<Citation> Find(string text) => Find(text, 0, text.Length);

    // The longest prefix that can end a line with its id on the next: "arXiv e-prints：" and a space.
    private const int PrefixReach = 16;

    // Claims are read from this much of each line around a citation that crosses the break.
    private const int ClaimReach = 600;

    /// <summary>Citations whose prefix ends the line <paramref name="before"/> and whose id begins the
    /// line <paramref name="after"/>: <c>(arXiv:⏎2312.00752)</c> in hard-wrapped prose whose lines are not
    /// contiguous in the text (Markdown keeps block-quote markers and indentation between them).
    /// Citations wholly inside either line are not repeated.</summary>
    public static IEnumerable<Citation> FindAcrossLineBreak(string text, TextSpan before, TextSpan after)
    {
        var trimmedEnd = before.End;
        while (trimmedEnd > before.Start && char.IsWhiteSpace(text[trimmedEnd - 1])) trimmedEnd--;
        var reachStart = Math.Max(before.Start, trimmedEnd - PrefixReach);
        // Asked of every line break in prose, nearly none of which follows a prefix: those get no iterator.
        return text.AsSpan(reachStart, trimmedEnd - reachStart).IndexOf("arxiv", StringComparison.OrdinalIgnoreCase) < 0
            ? []
            : AcrossLineBreak(text, before, after, trimmedEnd);
    }

    private static IEnumerable<Citation> AcrossLineBreak(string text, TextSpan before, TextSpan after, int trimmedEnd)
    {
        var tailStart = Math.Max(before.Start, trimmedEnd - ClaimReach);
        var headEnd = Math.Min(after.End, after.Start + ClaimReach);
        var seam = trimmedEnd - tailStart;
        var joined = string.Concat(text.AsSpan(tailStart, seam), "\n", text.AsSpan(after.Start, headEnd - after.Start));
        TextSpan ToText(TextSpan span) => TextSpan.FromBounds(
            span.Start <= seam ? tailStart + span.Start : after.Start + span.Start - seam - 1,
            span.End <= seam ? tailStart + span.End : after.Start + span.End - seam - 1);

        for (var m = CitationPattern().Match(joined, Math.Max(0, seam - PrefixReach)); m.Success && m.Index < seam; m = m.NextMatch())
        {
            if (m.Groups["id"].Index > seam) yield return FromMatch(joined, 0, joined.Length, m, readClaims: true).MapSpans(ToText);
        }
    }

    private static Citation FromMatch(string text, int start, int end, Match m, bool readClaims)
    {
        var id = m.Groups["id"];
        var form = m.Groups["doi"].Success ? CitationForm.Doi : m.Groups["url"].Success ? CitationForm.Url : CitationForm.Prefix;
        var raw = id.Value;
        var parsed = ArxivIdParser.Parse(raw);
        var span = new TextSpan(id.Index, raw.Length);
        var claims = readClaims ? InlineClaims.Find(text, start, end, TextSpan.FromBounds(m.Index, span.End)) : WrittenClaims.None;
        return new Citation
        {
            Span = span,
            Extent = TextSpan.FromBounds(m.Index, span.End),
            Form = form,
            RawText = raw,
            Target = CitationTarget.Of(parsed),
            Claim = claims.Claim,
            AuthorYear = claims.AuthorYear,
        };
    }
}
