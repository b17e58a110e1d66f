using PaperLens.Core.Citations;
using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning.Markdown;

/// <summary>The claim of a link citation (spec §2). In order: the title attribute; link text that reads
/// as a title; a claim written on the link's line (a quoted title, an author-year entry, a
/// <c>- Name: [link](…)</c> label); link text that reads as a name. Link text that is itself the citation
/// (<c>[arXiv:2312.00752](…)</c>) or prose (<c>[this paper](…)</c>) is no claim.</summary>
internal static class LinkClaims
{
    // How far around a link a claim on its line is looked for: a reference entry's authors and title
    // fit well within it, and a bound keeps a one-megabyte line of links linear.
    private const int ClaimReach = 1000;

    public static Claim? For(string text, LinkSite site, TextSpan? line)
    {
        if (FromTitle(text, site.Title, site.TitleSpan) is { } title) return title;
        var fromText = FromText(text, site);
        if (fromText is { Kind: ClaimKind.Title }) return fromText;
        return OnLine(text, site, line) ?? fromText;
    }

    private static Claim? OnLine(string text, LinkSite site, TextSpan? line)
    {
        if (line is not { } l || l.Start > site.Whole.Start) return null;
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
        return ClaimClassifier.Classify(trimmed) is { } kind ? new Claim(trimmed, kind, range) : null;
    }

    public static Claim? FromText(string text, LinkSite site)
    {
        if (site.TextIsLabel || site.TextRange is not { } range) return null;
        var plain = string.Join(' ', site.PlainText.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return ClaimClassifier.Classify(plain) is { } kind
            ? new Claim(ClaimClassifier.Unquote(plain), kind, Trim(text, range))
            : null;
    }

    private static TextSpan Trim(string text, TextSpan span)
    {
        int start = span.Start, end = span.End;
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return TextSpan.FromBounds(start, end);
    }
}
