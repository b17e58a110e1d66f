using System.Text.RegularExpressions;
using PaperLens.Core.Citations;
using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning;

/// <summary>Claims written in running text beside a citation (spec §2): a quoted title right before
/// or after it, the title of an author-year reference entry, the label of a <c>- Name: URL</c> item.
/// Only the citation's own line is read, so a claim never leaks from one entry to the next.</summary>
public static partial class InlineClaims
{
    [GeneratedRegex(@"[""“](?<t>[^""“”\n]{3,300})[""”]\s*[,;:]?\s*[(\[]?\s*(?:see\s+|in\s+)?(?:arxiv\s+preprint\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex QuotedBefore();

    [GeneratedRegex(@"^\s*[)\]]?\s*[,;:.\-–—]?\s*[""“](?<t>[^""“”\n]{3,300})[""”]")]
    private static partial Regex QuotedAfter();

    // "Gu, A., & Dao, T. (2023). Title. arXiv:…" — the year in parentheses, or "2023." after the authors.
    [GeneratedRegex(@"(?:\(\s*(?:19|20)\d\d[a-z]?(?:,\s*[A-Za-z]+\.?(?:\s+\d{1,2})?)?\s*\)|(?<=[.,]\s)(?:19|20)\d\d[a-z]?)\s*[.,:]?\s+(?<t>.+)$")]
    private static partial Regex AuthorYear();

    // Only a list item's label names the paper: "Update: <link>" in prose is not a name.
    [GeneratedRegex(@"^[\s>]*(?:[-*+]|\d{1,3}[.)])\s+(?:\*\*|__)?(?<t>[^:\s*_][^:\n*]{0,60}?)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*[(<\[]?$")]
    private static partial Regex ListLabel();

    [GeneratedRegex(@"(?:\s*[.,;]?\s*(?:arxiv\s+preprint|preprint|in\s+arxiv|arxiv|available\s+at|url|doi)\s*:?)+\s*[(<\[]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingVenue();

    /// <param name="match">The citation's whole text (prefix or URL and id).</param>
    public static Claim? Find(string text, int regionStart, int regionEnd, TextSpan match)
    {
        var lineStart = Math.Max(regionStart, text.LastIndexOf('\n', Math.Max(match.Start - 1, 0)) + 1);
        if (match.Start == 0) lineStart = regionStart;
        var newline = text.IndexOf('\n', match.End);
        var lineEnd = Math.Min(regionEnd, newline < 0 ? text.Length : newline);
        var before = text[lineStart..match.Start];
        var after = text[match.End..Math.Max(match.End, lineEnd)];

        if (QuotedBefore().Match(before) is { Success: true } qb && ClaimClassifier.ReadsAsTitle(qb.Groups["t"].Value))
            return Title(qb.Groups["t"], lineStart);
        if (QuotedAfter().Match(after) is { Success: true } qa && ClaimClassifier.ReadsAsTitle(qa.Groups["t"].Value))
            return Title(qa.Groups["t"], match.End);
        if (AuthorYear().Match(before) is { Success: true } ay && AuthorYearTitle(ay.Groups["t"], lineStart) is { } entry)
            return entry;
        // The list marker may lie before the region (Markdown hands over a list item's content), so
        // the label is read from the physical line; it must still lie inside the region.
        var physicalStart = match.Start == 0 ? 0 : text.LastIndexOf('\n', match.Start - 1) + 1;
        if (ListLabel().Match(text, physicalStart, match.Start - physicalStart) is { Success: true } label
            && label.Groups["t"].Index >= regionStart
            && ClaimClassifier.Classify(label.Groups["t"].Value) is { } kind)
            return new Claim(label.Groups["t"].Value.Trim(), kind, new TextSpan(label.Groups["t"].Index, label.Groups["t"].Length));
        return null;
    }

    private static Claim Title(Group g, int offset) =>
        new(g.Value.Trim(), ClaimKind.Title, new TextSpan(offset + g.Index, g.Length));

    private static Claim? AuthorYearTitle(Group g, int offset)
    {
        var t = TrailingVenue().Replace(g.Value, "");
        // The title is the first sentence after the year; what follows it is the venue.
        var stop = t.IndexOf(". ", StringComparison.Ordinal);
        if (stop > 0) t = t[..stop];
        t = t.Trim().TrimEnd('.', ',', ';').Trim('*', '_', ' ');
        if (t.Length < 8 || !ClaimClassifier.ReadsAsTitle(t)) return null;
        var at = g.Value.IndexOf(t, StringComparison.Ordinal);
        return new Claim(t, ClaimKind.Title, new TextSpan(offset + g.Index + Math.Max(at, 0), t.Length));
    }
}
