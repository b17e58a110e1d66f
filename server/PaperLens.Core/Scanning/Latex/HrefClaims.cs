using PaperLens.Core.Citations;
using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning.Latex;

/// <summary>The claims of an <c>\href{URL}{text}</c> citation, in the order a Markdown link's are read
/// (spec §2): link text that reads as a title; a claim on the link's line of prose (a quoted title, an
/// author-year entry); link text that reads as a name. Author-year link text is an author-year claim.</summary>
internal static class HrefClaims
{
    /// <param name="prose">The document's whole prose.</param>
    /// <param name="hrefStart">Where the <c>\href</c> stands in the prose.</param>
    /// <param name="linkText">The link text in the prose.</param>
    public static WrittenClaims Read(string source, string prose, TexProse map, int hrefStart, TextSpan linkText)
    {
        var plain = Whitespace.Collapse(prose.Substring(linkText.Start, linkText.Length));
        var written = map.ToSource(Trimmed(prose, linkText));
        var fromText = ClaimClassifier.Read(plain) is { } reading ? reading.At(source, written) : null;
        var authorYear = AuthorYearText.Read(plain) is { } claim
            ? source.AsSpan(written.Start, written.Length).SequenceEqual(plain) ? claim with
            {
                AuthorsSpan = claim.AuthorsSpan?.Shift(written.Start),
                YearSpan = claim.YearSpan?.Shift(written.Start),
            } : claim with { AuthorsSpan = written, YearSpan = written }
            : null;
        if (fromText is { Kind: ClaimKind.Title }) return new WrittenClaims(fromText, authorYear);
        var onLine = ToSource(InlineClaims.Find(prose, 0, prose.Length, TextSpan.FromBounds(hrefStart, linkText.End)), map);
        return new WrittenClaims(null, authorYear).Or(onLine).Or(new WrittenClaims(fromText, null));
    }

    private static WrittenClaims ToSource(WrittenClaims claims, TexProse map) => new(
        claims.Claim is { } claim ? claim with { Span = map.ToSource(claim.Span) } : null,
        claims.AuthorYear is { } authorYear
            ? authorYear with
            {
                AuthorsSpan = authorYear.AuthorsSpan is { } authors ? map.ToSource(authors) : null,
                YearSpan = authorYear.YearSpan is { } year ? map.ToSource(year) : null,
            }
            : null);

    private static TextSpan Trimmed(string text, TextSpan span)
    {
        int start = span.Start, end = span.End;
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return TextSpan.FromBounds(start, end);
    }
}
