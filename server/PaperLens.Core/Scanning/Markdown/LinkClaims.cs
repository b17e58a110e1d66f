using PaperLens.Core.Citations;
using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning.Markdown;

/// <summary>The claims of a link citation (spec §2). In order: the title attribute; link text that reads
/// as a title; a claim written on the link's line (a quoted title, an author-year entry, a
/// <c>- Name: [link](…)</c> label, an awesome-list title after its tag, a paper card's title); link text
/// that reads as a name. Link text that is itself the citation (<c>[arXiv:2312.00752](…)</c>) or prose
/// (<c>[this paper](…)</c>) is no claim; author-year link text (<c>[Gu et al., 2023](…)</c>) is an
/// author-year claim.</summary>
internal static class LinkClaims
{
    // How far around a link a claim on its line is looked for: a reference entry's authors and title
    // fit well within it, and a bound keeps a one-megabyte line of links linear.
    private const int ClaimReach = 1000;

    public static WrittenClaims For(string text, LinkSite site, TextSpan? line)
    {
        var plain = site.TextIsLabel || site.TextRange is null ? null : PlainText(site);
        var authorYear = plain is null ? null : AuthorYearOfText(text, site.TextRange!.Value, plain);
        if (FromTitle(text, site.Title, site.TitleSpan) is { } title) return new WrittenClaims(title, authorYear);
        var fromText = plain is null ? null : FromText(text, site.TextRange!.Value, plain);
        if (fromText is { Kind: ClaimKind.Title }) return new WrittenClaims(fromText, authorYear);
        return new WrittenClaims(null, authorYear).Or(OnLine(text, site, line)).Or(new WrittenClaims(fromText, null));
    }

    private static WrittenClaims OnLine(string text, LinkSite site, TextSpan? line)
    {
        if (line is not { } l || l.Start > site.Whole.Start) return WrittenClaims.None;
        var start = Math.Max(l.Start, site.Whole.Start - ClaimReach);
        var end = Math.Max(site.Whole.End, Math.Min(l.End, site.Whole.End + ClaimReach));
        return InlineClaims.Find(text, start, end, site.Whole);
    }

    /// <summary>A title attribute is written as a title, so any title-like text in it is a title claim;
    /// a single word there is a name.</summary>
    public static Claim? FromTitle(string text, string? title, TextSpan span)
    {
        if (string.IsNullOrWhiteSpace(title)) return null;
        var trimmed = title.Trim();
        var range = Trim(text, span);
        if (ClaimClassifier.ReadsAsTitle(trimmed)) return new Claim(trimmed, ClaimKind.Title, range);
        return ClaimClassifier.Read(trimmed) is { } reading ? new Claim(reading.Text, reading.Kind, range) : null;
    }

    public static Claim? FromText(string text, LinkSite site) =>
        site.TextIsLabel || site.TextRange is not { } range ? null : FromText(text, range, PlainText(site));

    private static Claim? FromText(string text, TextSpan range, string plain) =>
        ClaimClassifier.Read(plain) is { } reading ? reading.At(text, Trim(text, range)) : null;

    private static AuthorYearClaim? AuthorYearOfText(string text, TextSpan range, string plain)
    {
        var trimmed = Trim(text, range);
        // The spans are the text's own when the link text has no markup, else the whole link text.
        return text.AsSpan(trimmed.Start, trimmed.Length).SequenceEqual(plain)
            ? AuthorYearText.Read(plain, trimmed.Start)
            : AuthorYearText.Read(plain) is { } claim ? claim with { AuthorsSpan = trimmed, YearSpan = trimmed } : null;
    }

    private static string PlainText(LinkSite site) =>
        Whitespace.Collapse(site.PlainText.ToString());

    private static TextSpan Trim(string text, TextSpan span)
    {
        int start = span.Start, end = span.End;
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return TextSpan.FromBounds(start, end);
    }
}
