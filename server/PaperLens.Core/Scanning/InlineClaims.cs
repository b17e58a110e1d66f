using System.Text.RegularExpressions;
using PaperLens.Core.Citations;
using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning;

/// <summary>Claims written in running text beside a citation (spec §2): a quoted title right before
/// or after it, the title of an author-year reference entry, the label of a <c>- Name: URL</c> item.
/// Only the citation's own line is read, so a claim never leaks from one entry to the next.</summary>
public static partial class InlineClaims
{
    [GeneratedRegex(@"[""“](?<t>[^""“”\n]{3,300})[""”](?>\s*)[,;:]?(?>\s*)[(\[]?(?>\s*)(?:see\s+|in\s+)?(?:arxiv\s+preprint\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex QuotedBefore();

    [GeneratedRegex(@"^(?>\s*)[)\]]?(?>\s*)[,;:.\-–—]?(?>\s*)[(\[]?[""“](?<t>[^""“”\n]{3,300})[""”]")]
    private static partial Regex QuotedAfter();

    // "Gu, A., & Dao, T. (2023). Title. arXiv:…" — the year in parentheses, or "2023." after the authors.
    [GeneratedRegex(@"(?:\(\s*(?:19|20)\d\d[a-z]?(?:,\s*[A-Za-z]+\.?(?:\s+\d{1,2})?)?\s*\)|(?<=[.,]\s)(?:19|20)\d\d[a-z]?)(?>[\s.,:]*)(?<=\s)(?<t>.+)$")]
    private static partial Regex AuthorYear();

    // Only a list item's label names the paper: "Update: <link>" in prose is not a name.
    [GeneratedRegex(@"^(?>\s*)(?:(?:#+|//+|/?\*+|--|%+)(?>\s*))?(?>[\s>]*)(?:[-*+]|\d{1,3}[.)])(?>\s+)(?:\*\*|__)?(?<t>[^:\s*_][^:\n*]{0,60}?)(?:\*\*|__)?(?>\s*):(?>\s*)(?:\*\*|__)?(?>\s*)[(<\[]?$")]
    private static partial Regex ListLabel();

    [GeneratedRegex(@"(?:(?>\s*)[.,;]?(?>\s*)(?:arxiv\s+preprint|preprint|in\s+arxiv|arxiv|available\s+at|url|doi)(?>\s*):?)+(?>\s*)[(<\[]?(?>\s*)$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingVenue();

    private const int Window = 600;

    /// <param name="match">The citation's whole text (prefix or URL and id).</param>
    public static Claim? Find(string text, int regionStart, int regionEnd, TextSpan match)
    {
        // Claims sit right beside the citation: only a bounded window of its own line is read, which
        // keeps a line holding thousands of citations linear.
        var physicalStart = LineStartBefore(text, match.Start);
        var beforeStart = Math.Max(regionStart, physicalStart);
        var newline = text.IndexOf('\n', match.End, Math.Min(Window, text.Length - match.End));
        var afterEnd = Math.Min(regionEnd, newline < 0 ? Math.Min(text.Length, match.End + Window) : newline);
        var beforeLength = match.Start - beforeStart;
        var afterLength = Math.Max(0, afterEnd - match.End);

        if (QuotedBefore().Match(text, beforeStart, beforeLength) is { Success: true } qb && ClaimClassifier.ReadsAsTitle(qb.Groups["t"].Value))
            return Title(qb.Groups["t"]);
        if (QuotedAfter().Match(text, match.End, afterLength) is { Success: true } qa && ClaimClassifier.ReadsAsTitle(qa.Groups["t"].Value))
            return Title(qa.Groups["t"]);
        if (AuthorYear().Match(text, beforeStart, beforeLength) is { Success: true } ay && AuthorYearTitle(ay.Groups["t"]) is { } entry)
            return entry;
        // The list marker may lie before the region (Markdown hands over a list item's content), so
        // the label is read from the physical line; it must still lie inside the region.
        if (ListLabel().Match(text, physicalStart, match.Start - physicalStart) is { Success: true } label
            && label.Groups["t"].Index >= regionStart
            && ClaimClassifier.Classify(label.Groups["t"].Value) is { } kind)
            return new Claim(label.Groups["t"].Value.Trim(), kind, new TextSpan(label.Groups["t"].Index, label.Groups["t"].Length));
        return null;
    }

    private static int LineStartBefore(string text, int offset)
    {
        var from = Math.Max(0, offset - Window);
        var newline = offset == 0 ? -1 : text.LastIndexOf('\n', offset - 1, offset - from);
        return newline < 0 ? from : newline + 1;
    }

    private static Claim Title(Group g) =>
        new(g.Value.Trim(), ClaimKind.Title, new TextSpan(g.Index, g.Length));

    private static Claim? AuthorYearTitle(Group g)
    {
        var t = TrailingVenue().Replace(g.Value, "");
        // The title is the first sentence after the year; what follows it is the venue.
        var stop = t.IndexOf(". ", StringComparison.Ordinal);
        if (stop > 0) t = t[..stop];
        t = t.Trim().TrimEnd('.', ',', ';').Trim('*', '_', ' ');
        if (t.Length < 8 || !ClaimClassifier.ReadsAsTitle(t)) return null;
        var at = g.Value.IndexOf(t, StringComparison.Ordinal);
        return new Claim(t, ClaimKind.Title, new TextSpan(g.Index + Math.Max(at, 0), t.Length));
    }
}
