using System.Text;

namespace PaperLens.Core.Features;

/// <summary>The one writer of Markdown: every hover, abstract document, completion item and code action
/// that writes Markdown writes it here. Text is plain text (titles, abstracts, authors, file contents,
/// our own sentences) and comes out inert — no emphasis, link, image, HTML, autolink or
/// <c>command:</c> URI can be injected — yet with no more backslashes than its place needs, since some
/// clients (Neovim) show the raw Markdown and CommonMark shows a backslash that escapes nothing (a
/// digit, a letter) as it is.
/// <para>The writer knows where it writes: a character such as <c>#</c>, <c>-</c> or <c>1.</c> is
/// special only at the start of a block or line, <c>!</c> only right before a link, a run of <c>#</c>
/// only at the end of a heading, a quote only inside a quoted link title.</para>
/// <para>Links go only to http(s) URLs, written so that no character of the URL ends the destination.</para></summary>
public sealed class MarkdownWriter
{
    // Special wherever they stand (CommonMark and the GFM extensions clients render: tables with |,
    // strikethrough with ~): \ ` * _ [ ] start or end markup, < starts HTML and autolinks, and > ends
    // them (and starts a quote at a line start).
    private const string InlineSpecial = "\\`*_[]<>|~";

    // Special as the first character of a block or line: headings, quotes, list items, setext
    // underlines and thematic breaks (`*`, `_` and backticks are escaped everywhere already).
    private const string LineStartSpecial = "#>-+=";

    private enum Break { None, Line, Block }

    private readonly StringBuilder _out = new();
    private bool _atLineStart;
    private bool _inHeading;
    private Break _pending;

    /// <param name="atLineStart">Whether the first thing written starts a line (a whole document, a
    /// replacement for text that opens a list item) or follows other text on it.</param>
    public MarkdownWriter(bool atLineStart = true) => _atLineStart = atLineStart;

    /// <summary>Plain text, escaped for the place it lands in. Line breaks and runs of white space become
    /// one space: a piece of text never starts a block of its own.</summary>
    public MarkdownWriter Text(string? text) => Escaped(text, closingQuote: null);

    /// <summary>Plain text written between quotes that are already in the document: the title of a link
    /// (<c>[x](url "Title")</c>, <c>[x]: url 'Title'</c>) or prose quotes. Escaped as inline text — a
    /// title reads backslash escapes too, so <c>\*</c> shows <c>*</c> in both — and the closing quote
    /// (<c>"</c>, <c>'</c> or <c>)</c>, with <c>(</c>) as well, so that the text cannot end the title early.</summary>
    public MarkdownWriter QuotedText(string? text, char closingQuote) => Escaped(text, closingQuote);

    /// <summary><c>**text**</c>, the text escaped as inline text.</summary>
    public MarkdownWriter Strong(string text) => Delimited("**", text);

    /// <summary><c>_text_</c>, the text escaped as inline text.</summary>
    public MarkdownWriter Emphasis(string text) => Delimited("_", text);

    /// <summary><c>[text](url)</c>: the text escaped as inline text, the URL as a destination.</summary>
    public MarkdownWriter Link(string text, string url)
    {
        Flush();
        // "Wow!" before "[abs](…)" would make the link an image.
        if (_out.Length > 0 && _out[^1] == '!') _out.Insert(_out.Length - 1, '\\');
        _out.Append('[');
        AppendEscaped(text.AsSpan(), atLineStart: false, closingQuote: null);
        _out.Append("](").Append(Destination(url)).Append(')');
        _atLineStart = false;
        return this;
    }

    /// <summary><c>&lt;url&gt;</c>, a link showing its URL.</summary>
    public MarkdownWriter Autolink(string url)
    {
        Flush();
        _out.Append('<').Append(Destination(url)).Append('>');
        _atLineStart = false;
        return this;
    }

    /// <summary>Starts an ATX heading (<c>### </c>); its text runs to the next break.</summary>
    public MarkdownWriter Heading(int level)
    {
        Flush();
        _out.Append('#', Math.Clamp(level, 1, 6)).Append(' ');
        // A heading's text is inline: "# 1. Intro" is a heading, not a list.
        _atLineStart = false;
        _inHeading = true;
        return this;
    }

    /// <summary>Starts a block quote (<c>&gt; </c>); what follows starts a block inside it.</summary>
    public MarkdownWriter Quote()
    {
        Flush();
        _out.Append("> ");
        _atLineStart = true;
        return this;
    }

    /// <summary>A hard line break (two spaces, newline) before whatever is written next.</summary>
    public MarkdownWriter LineBreak()
    {
        if (_pending == Break.None && _out.Length > 0) _pending = Break.Line;
        return this;
    }

    /// <summary>Ends the block: a blank line before whatever is written next (none at the very end).</summary>
    public MarkdownWriter EndBlock()
    {
        if (_out.Length > 0) _pending = Break.Block;
        return this;
    }

    public override string ToString() => _out.ToString();

    private MarkdownWriter Delimited(string delimiter, string text)
    {
        // "****" alone is a thematic break.
        if (string.IsNullOrWhiteSpace(text)) return this;
        Flush();
        _out.Append(delimiter);
        // "** x**" would not be strong: delimiters must touch the text.
        AppendEscaped(text.AsSpan().Trim(), atLineStart: false, closingQuote: null);
        _out.Append(delimiter);
        _atLineStart = false;
        return this;
    }

    private MarkdownWriter Escaped(string? text, char? closingQuote)
    {
        if (string.IsNullOrEmpty(text)) return this;
        Flush();
        var start = _out.Length;
        AppendEscaped(text.AsSpan(), _atLineStart, closingQuote);
        if (_inHeading) EscapeClosingSequence(start);
        if (_out.Length > start) _atLineStart = false;
        return this;
    }

    private void Flush()
    {
        if (_pending == Break.None) return;
        _out.Append(_pending == Break.Block ? "\n\n" : "  \n");
        _pending = Break.None;
        _atLineStart = true;
        _inHeading = false;
    }

    private void AppendEscaped(ReadOnlySpan<char> text, bool atLineStart, char? closingQuote)
    {
        var start = _out.Length;
        // Whether all that this call wrote so far is digits at a line start: "1." or "2)" then a space
        // there opens an ordered list. A backslash before a digit is shown as it is, so the delimiter
        // is what gets escaped.
        var leadingDigits = atLineStart;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                // Up to one space, and none at a line start, where four would open a code block.
                if (_out.Length > start ? _out[^1] != ' ' : !atLineStart) _out.Append(' ');
                continue;
            }
            if (char.IsControl(c)) continue;
            var next = i + 1 < text.Length ? text[i + 1] : ' ';
            // A title in parentheses takes neither parenthesis unescaped.
            var escape = InlineSpecial.Contains(c) || c == closingQuote || closingQuote == ')' && c == '('
                || atLineStart && _out.Length == start && LineStartSpecial.Contains(c)
                || c is '.' or ')' && leadingDigits && _out.Length > start && char.IsWhiteSpace(next)
                // An entity or character reference (&amp; &#42;) would be decoded.
                || c == '&' && IsReference(text[(i + 1)..])
                // Bare URLs are linked by some renderers (GFM autolinks, markdown-it's linkify): break
                // "scheme://" and "www.".
                || c == ':' && next == '/' && i + 2 < text.Length && text[i + 2] == '/'
                || c == '.' && i >= 3 && text.Slice(i - 3, 3).Equals("www", StringComparison.OrdinalIgnoreCase);
            if (escape) _out.Append('\\');
            _out.Append(c);
            leadingDigits &= char.IsAsciiDigit(c);
        }
    }

    // What follows a '&' in an entity or character reference: a name or number, then ';'.
    private static bool IsReference(ReadOnlySpan<char> after)
    {
        var end = after.IndexOfAnyExcept("#0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
        return end > 0 && after[end] == ';';
    }

    // A heading's text ending in a run of # after a space ("C #") loses the run: it reads as the
    // optional closing sequence. The first # of the run is escaped.
    private void EscapeClosingSequence(int start)
    {
        var end = _out.Length;
        while (end > start && _out[end - 1] == ' ') end--;
        var run = end;
        while (run > start && _out[run - 1] == '#') run--;
        if (run == end || run > start && _out[run - 1] != ' ' || run == start && start > 0 && _out[start - 1] != ' ') return;
        _out.Insert(run, '\\');
    }

    // Only http(s) URLs: a command: or javascript: link in a hover would run in the editor. Characters
    // that would end the destination, break an autolink or leave it (space, parentheses, angle
    // brackets, backslash, controls) are percent-encoded; the URL still names the same resource.
    private static string Destination(string url)
    {
        if (!url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && !url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"Not an http(s) URL: {url}", nameof(url));
        var sb = new StringBuilder(url.Length);
        foreach (var c in url)
        {
            if (c is ' ' or '(' or ')' or '<' or '>' or '\\' or '"' || char.IsControl(c)) sb.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
