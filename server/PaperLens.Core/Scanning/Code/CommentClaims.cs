using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PaperLens.Core.Citations;
using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning.Code;

/// <summary>The claim of a citation in a comment or docstring (spec §2): comments are often Markdown or
/// reST, so a title is written as link text (<c>[Title](URL)</c>, wrapped over lines or not;
/// <c>`Title &lt;URL&gt;`_</c>), or before a separator on the URL's line (<c>Title - URL</c>,
/// <c>Title: URL</c>, <c>Title (URL)</c>). In order, as for Markdown links: link text that reads as a title;
/// the claim <see cref="InlineClaims"/> read on the line (a quoted title, an author-year entry, a list
/// label); a title before a separator; link text that reads as a name.</summary>
internal static class CommentClaims
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();

    /// <summary>A link whose destination is the citation: where it starts in the window, and the claims of its text.</summary>
    private readonly record struct Link(int Start, Claim? Claim, AuthorYearClaim? AuthorYear);

    public static Citation Read(string text, CommentSpan comment, Citation citation)
    {
        var extent = citation.Extent ?? citation.Span;
        if (!AfterOpenerOrSeparator(text, comment.Text.Start, extent.Start)) return citation;
        var window = CommentText.Around(text, comment, extent);
        var link = MarkdownLink(window) ?? RestructuredTextLink(window);
        if (link?.Claim is { Kind: ClaimKind.Title } title) return citation with { Claim = title };
        // What stands beside a link on its line is read beside the whole link, as in Markdown:
        // `"Title" [paper](URL)`, `Title - [arXiv](URL)`.
        var anchor = link is { } l && l.Start >= window.LineStart ? l.Start : window.CitationStart;
        var found = new WrittenClaims(citation.Claim, citation.AuthorYear);
        var onLine = anchor == window.CitationStart
            ? found
            : InlineClaims.Find(text, comment.Text.Start, comment.Text.End, TextSpan.FromBounds(window.ToFile(anchor, anchor + 1).Start, extent.End)).Or(found);
        var claim = onLine.Claim ?? TitleBeforeSeparator(window, anchor) ?? link?.Claim;
        var authorYear = link?.AuthorYear ?? onLine.AuthorYear;
        return claim == citation.Claim && authorYear == citation.AuthorYear ? citation : citation with { Claim = claim, AuthorYear = authorYear };
    }

    /// <summary>Every shape read here puts a link's <c>(</c> or <c>&lt;</c>, or a separator, right before the
    /// citation; most citations in comments have none (<c># see arXiv:…</c>), and need no window.</summary>
    private static bool AfterOpenerOrSeparator(string text, int commentStart, int citationStart)
    {
        var before = text.AsSpan(commentStart, citationStart - commentStart).TrimEnd(" \t");
        return before.Length > 0 && before[^1] is '(' or '<' or ':' or '：' or '-' or '–' or '—';
    }

    private static Link? MarkdownLink(CommentText window)
    {
        // Markdig is asked only when a link destination opens right before the citation: `](URL` or `](<URL`.
        var t = window.Text;
        var open = window.CitationStart - 1;
        if (open >= 0 && t[open] == '<') open--;
        if (open < 1 || t[open] != '(' || t[open - 1] != ']') return null;
        // The link ends at the `)` after its URL: Markdig need not read further.
        var close = t.IndexOf(')', window.CitationEnd);
        if (close < 0) return null;
        var link = Parse(t[..(close + 1)])?.Descendants<LinkInline>()
            .FirstOrDefault(l => !l.IsAutoLink && l.UrlSpan.Start <= window.CitationStart && window.CitationStart <= l.UrlSpan.End);
        if (link is null) return null;

        var plain = new StringBuilder();
        int first = int.MaxValue, last = -1;
        var pending = new Stack<Inline>();
        Push(pending, link);
        while (pending.TryPop(out var node))
        {
            var content = node switch
            {
                LiteralInline literal => literal.Content.ToString(),
                CodeInline code => code.Content,
                HtmlEntityInline entity => entity.Transcoded.ToString(),
                LineBreakInline => " ",
                _ => null,
            };
            if (node is ContainerInline container) Push(pending, container);
            if (content is null) continue;
            plain.Append(content);
            if (node is not LineBreakInline && node.Span.Start >= 0 && node.Span.End < t.Length)
            {
                first = Math.Min(first, node.Span.Start);
                last = Math.Max(last, node.Span.End);
            }
        }
        return last < 0 ? new Link(link.Span.Start, null, null) : LinkText(window, link.Span.Start, Whitespace.Collapse(plain.ToString()), first, last + 1);
    }

    // Children in document order; the stack is explicit because emphasis can nest as deep as the text.
    private static void Push(Stack<Inline> pending, ContainerInline container)
    {
        var children = new List<Inline>();
        for (var child = container.FirstChild; child is not null; child = child.NextSibling) children.Add(child);
        for (var i = children.Count - 1; i >= 0; i--) pending.Push(children[i]);
    }

    private static MarkdownDocument? Parse(string text)
    {
        try
        {
            return Markdig.Markdown.Parse(text, Pipeline);
        }
        catch (Exception)
        {
            // As for Markdown files: arbitrary text that Markdig cannot parse gives no link, not a failed scan.
            return null;
        }
    }

    /// <summary><c>`Title &lt;URL&gt;`_</c>, or <c>__</c> for an anonymous reference.</summary>
    private static Link? RestructuredTextLink(CommentText window)
    {
        var t = window.Text;
        var open = window.CitationStart - 1;
        if (open < 1 || t[open] != '<') return null;
        // The URL may go on past the id (`.pdf`, `#section`) up to its `>`.
        var close = t.AsSpan(window.CitationEnd).IndexOfAny(" \t\n<>`");
        if (close < 0) return null;
        close += window.CitationEnd;
        if (t[close] != '>' || close + 2 >= t.Length || t[close + 1] != '`' || t[close + 2] != '_') return null;
        var tick = t.LastIndexOf('`', open - 1);
        // A tick that opens nothing closes the reference before this one (`A <url>`_ B <url>`_).
        if (tick < 0 || t[tick + 1] == '_') return null;
        return LinkText(window, tick, Whitespace.Collapse(t[(tick + 1)..open]), tick + 1, open);
    }

    /// <summary><c>Title - URL</c>, <c>Title: URL</c>, <c>Title (URL)</c> on the citation's line, after a list
    /// marker and a label (<c>Paper: Title - URL</c>); the URL may be a link's (<c>Title - [arXiv](URL)</c>),
    /// then <paramref name="anchor"/> is where the link starts. Only a title: text before a colon is a name only in a
    /// list item, which <see cref="InlineClaims"/> reads, and mere prose before a URL (<c>TODO: URL</c>,
    /// <c>adapted from URL</c>) is no claim.</summary>
    private static Claim? TitleBeforeSeparator(CommentText window, int anchor)
    {
        var t = window.Text;
        var end = anchor;
        while (end > window.LineStart && char.IsWhiteSpace(t[end - 1])) end--;
        if (end - window.LineStart < 2) return null;
        var separated = t[end - 1] switch
        {
            ':' or '：' => true,
            // `](URL` is a Markdown link's destination, which the link reader has had.
            '(' => t[end - 2] != ']',
            // A hyphen inside a word (`Linear-Time`) separates nothing.
            '-' or '–' or '—' => char.IsWhiteSpace(t[end - 2]),
            _ => false,
        };
        if (!separated) return null;

        var start = AfterListMarker(t, window.LineStart, end - 1);
        if (LabelEnd(t, start, end - 1) is { } label) start = label;
        var candidate = t[start..(end - 1)].Trim();
        // Unlike link text, a comment line is mostly prose, where a colon ends a label
        // (`LSSL: discretisation follows (URL)`): only a subtitle that reads as a title makes one.
        var colon = candidate.IndexOf(':');
        if (colon >= 0 && ClaimClassifier.Classify(candidate[(colon + 1)..]) != ClaimKind.Title) return null;
        return Classified(window, candidate, start, end - 1) is { Kind: ClaimKind.Title } claim ? claim : null;
    }

    /// <summary>After a short label that names no paper (<c>Paper:</c>, <c>See also:</c>, <c>TODO:</c>); a
    /// longer one may be the first half of a sentence-case title.</summary>
    private static int? LabelEnd(string t, int start, int end)
    {
        var colon = t.IndexOf(':', start, end - start);
        if (colon < 0) return null;
        var label = t[start..colon];
        return label.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length <= 3 && ClaimClassifier.Classify(label) is null
            ? colon + 1
            : null;
    }

    private static int AfterListMarker(string t, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(t[start])) start++;
        if (start == end) return start;
        var marker = start;
        while (marker < end && marker - start < 3 && char.IsAsciiDigit(t[marker])) marker++;
        var isMarker = marker > start
            ? marker < end && t[marker] is '.' or ')'
            : t[start] is '-' or '*' or '+' or '•';
        if (isMarker && marker + 1 < end && char.IsWhiteSpace(t[marker + 1])) return marker + 1;
        return start;
    }

    /// <summary>The claims of link text written at Text[start..end) of the window: a title or name, or authors and a year.</summary>
    private static Link LinkText(CommentText window, int linkStart, string plain, int start, int end)
    {
        (start, end) = Trimmed(window.Text, start, end);
        var authorYear = AuthorYearText.Read(plain) is { } claim
            ? claim with { AuthorsSpan = window.ToFile(start, end), YearSpan = window.ToFile(start, end) }
            : null;
        return new Link(linkStart, Classified(window, plain, start, end), authorYear);
    }

    /// <summary>The claim of text written at Text[start..end) of the window, as ClaimClassifier reads it.</summary>
    private static Claim? Classified(CommentText window, string plain, int start, int end)
    {
        if (ClaimClassifier.Read(plain) is not { } reading) return null;
        (start, end) = Trimmed(window.Text, start, end);
        // Where the text was cut (a venue tag), the claim's range is the part read, when it is written as read.
        var at = window.Text.IndexOf(reading.Text, start, end - start, StringComparison.Ordinal);
        return new Claim(reading.Text, reading.Kind, at >= 0 ? window.ToFile(at, at + reading.Text.Length) : window.ToFile(start, end));
    }

    private static (int Start, int End) Trimmed(string t, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(t[start])) start++;
        while (end > start && char.IsWhiteSpace(t[end - 1])) end--;
        return (start, end);
    }
}
