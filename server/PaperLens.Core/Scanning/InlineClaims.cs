using System.Text.RegularExpressions;
using PaperLens.Core.Citations;
using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning;

/// <summary>Claims written in running text beside a citation (spec §2): a quoted title right before
/// or after it, the title and authors of an author-year reference entry, the label of a
/// <c>- Name: URL</c> item, the title of an awesome-list line after its venue or date tag, and the
/// <c>Title:</c> line of a paper card. Only the citation's own line is read (a card looks back a few
/// lines for its title), so a claim never leaks from one entry to the next.</summary>
public static partial class InlineClaims
{
    // "Title" (URL), "Title" paper (URL), "Title", arXiv preprint ID.
    [GeneratedRegex(@"[""“](?<t>[^""“”\n]{3,300})[""”](?>\s*)(?:paper(?>\s*))?[,;:]?(?>\s*)[(\[]?(?>\s*)(?:see\s+|in\s+)?(?:arxiv\s+preprint\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex QuotedBefore();

    [GeneratedRegex(@"^(?>\s*)[)\]]?(?>\s*)[,;:.\-–—]?(?>\s*)[(\[]?[""“](?<t>[^""“”\n]{3,300})[""”]")]
    private static partial Regex QuotedAfter();

    // "Gu, A., & Dao, T. (2023). Title. arXiv:…" — the year in parentheses, or "2023." after the authors.
    [GeneratedRegex(@"(?:\(\s*(?<y>(?:19|20)\d\d)[a-z]?(?:,\s*[A-Za-z]+\.?(?:\s+\d{1,2})?)?\s*\)|(?<=[.,]\s)(?<y>(?:19|20)\d\d)[a-z]?)(?>[\s.,:]*)(?<=\s)(?<t>.+)$")]
    private static partial Regex AuthorYear();

    // Only a list item's label names the paper: "Update: <link>" in prose is not a name.
    [GeneratedRegex(@"^(?>\s*)(?:(?:#+|//+|/?\*+|--|%+)(?>\s*))?(?>[\s>]*)(?:[-*+]|\d{1,3}[.)])(?>\s+)(?:\*\*|__)?(?<t>[^:\s*_][^:\n*]{0,60}?)(?:\*\*|__)?(?>\s*):(?>\s*)(?:\*\*|__)?(?>\s*)[(<\[]?$")]
    private static partial Regex ListLabel();

    [GeneratedRegex(@"(?:(?>\s*)[.,;]?(?>\s*)(?:arxiv\s+preprint|preprint|in\s+arxiv|arxiv|available\s+at|url|doi)(?>\s*):?)+(?>\s*)[(<\[]?(?>\s*)$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingVenue();

    // What may open a line before its text: comment markers, quote markers, a list marker, bold.
    [GeneratedRegex(@"^(?>[\s>]*)(?:(?<comment>#+|//+|/?\*+|--|%+)(?>\s*))?(?>[\s>]*)(?<item>(?:[-*+]|\d{1,3}[.)])(?>\s+))?(?:\*\*|__)?")]
    private static partial Regex LineOpening();

    // A paper card's link line, "**Paper:** URL", and its title line, "**Title:** Mamba: …".
    [GeneratedRegex(@"^(?:\*\*|__)?(?:paper|abstract)(?:\*\*|__)?(?>\s*):", RegexOptions.IgnoreCase)]
    private static partial Regex CardLinkLabel();

    [GeneratedRegex(@"^(?:\*\*|__)?title(?:\*\*|__)?(?>\s*):(?:\*\*|__)?(?>\s*)(?<t>\S.*?)(?>\s*)$", RegexOptions.IgnoreCase)]
    private static partial Regex CardTitleLine();

    private const int Window = 600;


    // How many lines above its link line a card's title may stand (spec §2).
    private const int CardReach = 5;

    /// <param name="match">The citation's whole text (prefix or URL and id), or the whole link that holds it.</param>
    public static WrittenClaims Find(string text, int regionStart, int regionEnd, TextSpan match)
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
            return new WrittenClaims(Title(qb.Groups["t"]), null);
        if (QuotedAfter().Match(text, match.End, afterLength) is { Success: true } qa && ClaimClassifier.ReadsAsTitle(qa.Groups["t"].Value))
            return new WrittenClaims(Title(qa.Groups["t"]), null);
        if (AuthorYear().Match(text, beforeStart, beforeLength) is { Success: true } ay
            && AuthorYearText.Entry(text, beforeStart, ay.Index, new TextSpan(ay.Groups["y"].Index, ay.Groups["y"].Length)) is { } authors
            && AuthorYearTitle(ay.Groups["t"]) is { } entry)
            return new WrittenClaims(entry, authors);
        // The list marker may lie before the region (Markdown hands over a list item's content), so
        // the label is read from the physical line; it must still lie inside the region.
        if (ListLabel().Match(text, physicalStart, match.Start - physicalStart) is { Success: true } label
            && label.Groups["t"].Index >= regionStart
            && ClaimClassifier.Read(label.Groups["t"].Value) is { } reading)
            return new WrittenClaims(reading.At(text, new TextSpan(label.Groups["t"].Index, label.Groups["t"].Length)), null);
        var opening = LineOpening().Match(text, physicalStart, match.Start - physicalStart);
        return new WrittenClaims(ReadingListTitle(text, opening, match.Start) ?? CardTitle(text, physicalStart, opening, match.Start), null);
    }

    /// <summary>An awesome-list line, <c>- (arXiv 23.12.01) Mamba: Linear-Time … [Paper](URL)</c> or
    /// <c>* Title, in *arXiv* 2024. [\[paper\]](URL)</c>: the text a venue or date tag frames before the
    /// citation, when it reads as a title. A list item with no tag, <c>* Title [\[paper\]](URL)</c>, is read
    /// only when the text is title-cased or has a colon and ends in no list of people
    /// (<c>Title, Albert Gu and Tri Dao [paper](URL)</c> would be read as one long wrong title).</summary>
    /// <param name="opening">The markers that open the citation's line (see <see cref="LineOpening"/>).</param>
    private static Claim? ReadingListTitle(string text, Match opening, int citationStart)
    {
        var start = opening.Index + opening.Length;
        // A lone "*" opening the line is a Markdown bullet (or a Javadoc line, where a list is as likely).
        var listItem = opening.Groups["item"].Success || opening.Groups["comment"].Value == "*";
        var (cutStart, end) = VenueTags.Cut(text, start, citationStart);
        var framed = (cutStart, end) != (start, citationStart);
        if (!framed && !listItem) return null;
        start = cutStart;
        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is '-' or '–' or '—' or '|' or ':' or ',' or '(' or '[' or '*' or '_')) end--;
        while (start < end && text[start] is '*' or '_' or ' ') start++;
        if (end <= start || text.AsSpan(start, end - start).IndexOfAny('[', ']', '<') >= 0) return null;
        var candidate = text[start..end];
        if (!framed)
        {
            var lastComma = candidate.LastIndexOf(',');
            if (lastComma >= 0 && AuthorYearText.IsPeople(candidate[(lastComma + 1)..]) || ClaimClassifier.LeadsOnIntoLink(candidate)) return null;
            // Markup left inside ("(2022x) **Title"), a year ("team, A. (2024). Title") or a quoted title
            // inside prose means the line has a shape not understood here, whose text is not all title.
            if (candidate.Contains("**", StringComparison.Ordinal) || candidate.Contains("__", StringComparison.Ordinal)
                || AuthorYear().IsMatch(candidate) || candidate.AsSpan().IndexOfAny('"', '“') >= 0)
                return null;
            return ClaimClassifier.Read(candidate) is { Kind: ClaimKind.Title } title ? title.At(text, TextSpan.FromBounds(start, end)) : null;
        }
        // Its place makes it a title however it is cased; a short one may be a name.
        if (ClaimClassifier.Read(candidate) is { } reading) return reading.At(text, TextSpan.FromBounds(start, end));
        return ClaimClassifier.ReadsAsUncasedTitle(candidate)
            ? new Claim(candidate, ClaimKind.Title, TextSpan.FromBounds(start, end))
            : null;
    }

    /// <summary>A paper card: <c>**Title:** …</c> on one of the five lines above <c>**Paper:** URL</c>.</summary>
    private static Claim? CardTitle(string text, int lineStart, Match opening, int citationStart)
    {
        var contentStart = opening.Index + opening.Length;
        // The label is "Paper:" or "Abstract:", perhaps in bold: most lines start otherwise.
        if (contentStart >= citationStart || text[contentStart] is not ('p' or 'P' or 'a' or 'A' or '*' or '_')
            || !CardLinkLabel().Match(text, contentStart, citationStart - contentStart).Success)
            return null;
        var end = lineStart - 1;
        for (var i = 0; i < CardReach && end > 0; i++)
        {
            var start = text.LastIndexOf('\n', end - 1, Math.Min(end, Window)) + 1;
            if (start == 0 && end > Window) return null;
            var lineOpening = LineOpening().Match(text, start, end - start);
            contentStart = start + lineOpening.Length;
            if (CardLinkLabel().Match(text, contentStart, end - contentStart).Success) return null;
            if (CardTitleLine().Match(text, contentStart, end - contentStart) is { Success: true } line)
            {
                // "Title: `OLAPH: Improving …`": the title may be set in code or emphasis.
                var written = line.Groups["t"];
                var title = written.Value.TrimEnd('*', '_', '`', ' ', '\r');
                var lead = title.Length - title.TrimStart('`', '*', '_').Length;
                var span = new TextSpan(written.Index + lead, title.Length - lead);
                // Code spans inside it ("`metabench` -- A Sparse Benchmark") are markup, not title.
                title = title[lead..].Replace("`", "", StringComparison.Ordinal);
                return ClaimClassifier.ReadsAsTitle(title) ? new Claim(title, ClaimKind.Title, span) : null;
            }
            end = start - 1;
        }
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
