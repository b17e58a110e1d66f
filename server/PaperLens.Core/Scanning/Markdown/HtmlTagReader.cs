using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning.Markdown;

/// <summary>A small lexer for HTML tags in raw HTML that Markdig hands over (inline HTML, HTML blocks):
/// enough to find anchors' <c>href</c> and <c>title</c> attributes, quoted or not, among other attributes.</summary>
internal static class HtmlTagReader
{
    /// <summary>Reads the tag at text[start] (a <c>&lt;</c>) within text[..end). False when the
    /// <c>&lt;</c> opens no tag (<c>a &lt; b</c>) or the tag does not end before <paramref name="end"/>.</summary>
    public static bool TryRead(string text, int start, int end, out HtmlTag tag)
    {
        tag = default;
        if (start + 1 >= end || text[start] != '<') return false;
        var next = text[start + 1];
        if (next == '!' || next == '?') return TryReadMarkup(text, start, end, out tag);
        var pos = start + 1;
        var closing = next == '/';
        if (closing) pos++;
        var nameStart = pos;
        if (pos >= end || !char.IsAsciiLetter(text[pos])) return false;
        while (pos < end && (char.IsAsciiLetterOrDigit(text[pos]) || text[pos] == '-')) pos++;
        var name = text[nameStart..pos];
        TextSpan? href = null, title = null;
        while (pos < end)
        {
            var c = text[pos];
            if (c == '>')
            {
                tag = new HtmlTag(start, pos + 1, name, closing, href, title);
                return true;
            }
            if (char.IsWhiteSpace(c) || c == '/') { pos++; continue; }
            var attrStart = pos;
            while (pos < end && !char.IsWhiteSpace(text[pos]) && text[pos] is not ('=' or '>' or '/' or '"' or '\'')) pos++;
            if (pos == attrStart) return false;
            var attr = text.AsSpan(attrStart, pos - attrStart);
            while (pos < end && char.IsWhiteSpace(text[pos])) pos++;
            if (pos >= end || text[pos] != '=') continue;
            pos++;
            while (pos < end && char.IsWhiteSpace(text[pos])) pos++;
            if (!TryReadValue(text, ref pos, end, out var value)) return false;
            if (attr.Equals("href", StringComparison.OrdinalIgnoreCase)) href = value;
            else if (attr.Equals("title", StringComparison.OrdinalIgnoreCase)) title = value;
        }
        return false;
    }

    private static bool TryReadValue(string text, ref int pos, int end, out TextSpan value)
    {
        value = default;
        if (pos >= end) return false;
        var quote = text[pos];
        if (quote is '"' or '\'')
        {
            var close = text.IndexOf(quote, pos + 1, end - pos - 1);
            if (close < 0) return false;
            value = TextSpan.FromBounds(pos + 1, close);
            pos = close + 1;
            return true;
        }
        var valueStart = pos;
        while (pos < end && !char.IsWhiteSpace(text[pos]) && text[pos] != '>') pos++;
        value = TextSpan.FromBounds(valueStart, pos);
        return true;
    }

    // Comments, declarations and processing instructions carry no links and their text is not shown.
    private static bool TryReadMarkup(string text, int start, int end, out HtmlTag tag)
    {
        tag = default;
        var isComment = text.AsSpan(start, end - start).StartsWith("<!--");
        var terminator = isComment ? "-->" : ">";
        var from = isComment ? start + 4 : start + 2;
        var close = from <= end ? text.IndexOf(terminator, from, end - from, StringComparison.Ordinal) : -1;
        if (close < 0) return false;
        tag = new HtmlTag(start, close + terminator.Length, "", false, null, null);
        return true;
    }
}
