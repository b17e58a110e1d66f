namespace PaperLens.Core.Scanning.Code;

/// <summary>Where a literal or comment that opens at a given offset ends: the reading steps all comment
/// lexers share. Every method takes the exclusive range end, never reads past it and always returns a
/// position after the one it was given, so a lexer built on them cannot loop. An unterminated literal
/// runs to the end of the range, or to the end of its line when the language ends it there.</summary>
internal static class Literals
{
    /// <summary>A literal's text (between its delimiters) and the offset just after it.</summary>
    internal readonly record struct Extent(int ContentStart, int ContentEnd, int Next);

    /// <summary>A string that opened at <paramref name="contentStart"/> - 1 with <paramref name="quote"/>.</summary>
    /// <param name="escapes">A backslash escapes the next character (<c>"a\"b"</c>).</param>
    /// <param name="doubling">Two quotes stand for one (<c>'it''s'</c>, C# <c>@"a""b"</c>).</param>
    /// <param name="spansLines">An unescaped line break does not end it.</param>
    public static Extent Quoted(string text, int contentStart, int end, char quote, bool escapes, bool doubling, bool spansLines)
    {
        ReadOnlySpan<char> stops = (escapes, spansLines) switch
        {
            (true, true) => [quote, '\\'],
            (true, false) => [quote, '\\', '\n', '\r'],
            (false, true) => [quote],
            (false, false) => [quote, '\n', '\r'],
        };
        var pos = contentStart;
        while (pos < end)
        {
            var rel = text.AsSpan(pos, end - pos).IndexOfAny(stops);
            if (rel < 0) break;
            var i = pos + rel;
            var c = text[i];
            if (c == '\\') { pos = SkipEscape(text, i, end); continue; }
            if (c != quote) return new Extent(contentStart, i, i);
            if (doubling && i + 1 < end && text[i + 1] == quote) { pos = i + 2; continue; }
            return new Extent(contentStart, i, i + 1);
        }
        return new Extent(contentStart, end, end);
    }

    /// <summary>A string closed by <paramref name="count"/> quotes in a row (<c>"""…"""</c>); quotes
    /// beyond the count at the close belong to the content (<c>""""a""""</c> in Kotlin is <c>"a"</c>).</summary>
    public static Extent Repeated(string text, int contentStart, int end, char quote, int count, bool escapes)
    {
        ReadOnlySpan<char> stops = escapes ? [quote, '\\'] : [quote];
        var pos = contentStart;
        while (pos < end)
        {
            var rel = text.AsSpan(pos, end - pos).IndexOfAny(stops);
            if (rel < 0) break;
            var i = pos + rel;
            if (text[i] == '\\') { pos = SkipEscape(text, i, end); continue; }
            var run = RunLength(text, i, end, quote);
            if (run >= count) return new Extent(contentStart, i + run - count, i + run);
            pos = i + run;
        }
        return new Extent(contentStart, end, end);
    }

    /// <summary>Text up to <paramref name="terminator"/> (a block comment's <c>*/</c>, a raw string's <c>)delim"</c>).</summary>
    public static Extent Until(string text, int contentStart, int end, ReadOnlySpan<char> terminator)
    {
        var rel = text.AsSpan(contentStart, end - contentStart).IndexOf(terminator, StringComparison.Ordinal);
        return rel < 0 ? new Extent(contentStart, end, end) : new Extent(contentStart, contentStart + rel, contentStart + rel + terminator.Length);
    }

    /// <summary>A comment whose delimiters nest (<c>/* /* */ */</c> in Rust, <c>{- -}</c> in Haskell).
    /// Both delimiters are two characters long.</summary>
    public static Extent Nested(string text, int contentStart, int end, string open, string close)
    {
        ReadOnlySpan<char> stops = [open[0], close[0]];
        var depth = 1;
        var pos = contentStart;
        while (pos < end)
        {
            var rel = text.AsSpan(pos, end - pos).IndexOfAny(stops);
            if (rel < 0) break;
            var i = pos + rel;
            if (i + 1 >= end) break;
            if (text[i] == close[0] && text[i + 1] == close[1])
            {
                if (--depth == 0) return new Extent(contentStart, i, i + 2);
                pos = i + 2;
            }
            else if (text[i] == open[0] && text[i + 1] == open[1])
            {
                depth++;
                pos = i + 2;
            }
            else
            {
                pos = i + 1;
            }
        }
        return new Extent(contentStart, end, end);
    }

    /// <summary>A line comment's text: from <paramref name="contentStart"/> to the line break.</summary>
    public static Extent RestOfLine(string text, int contentStart, int end)
    {
        var e = LineEnd(text, contentStart, end);
        return new Extent(contentStart, e, e);
    }

    /// <summary>The offset of the next line break at or after <paramref name="pos"/>, or <paramref name="end"/>.</summary>
    public static int LineEnd(string text, int pos, int end)
    {
        var rel = text.AsSpan(pos, end - pos).IndexOfAny('\n', '\r');
        return rel < 0 ? end : pos + rel;
    }

    /// <summary>A character literal at <paramref name="quote"/> (<c>'a'</c>, <c>'\n'</c>, <c>'\u{1F600}'</c>, <c>'😀'</c>),
    /// or null when the quote opens none: a Rust lifetime <c>'a</c>, a C++ digit separator, a transpose.</summary>
    public static int? CharLiteral(string text, int quote, int end)
    {
        var i = quote + 1;
        if (i >= end || text[i] is '\n' or '\r') return null;
        if (text[i] == '\\')
        {
            // Escapes are short: \n, \x41, \u0041, \u{1F600}, \'.
            var limit = Math.Min(end, i + 12);
            for (var j = i + 2; j < limit; j++)
            {
                if (text[j] == '\'') return j + 1;
                if (text[j] is '\n' or '\r') return null;
            }
            return null;
        }
        if (char.IsHighSurrogate(text[i]) && i + 1 < end && char.IsLowSurrogate(text[i + 1])) i++;
        return i + 1 < end && text[i + 1] == '\'' ? i + 2 : null;
    }

    /// <summary>The offset after a backslash escape at <paramref name="backslash"/>; a backslash before a
    /// CRLF takes both characters (a line continuation).</summary>
    public static int SkipEscape(string text, int backslash, int end)
    {
        var next = backslash + 1;
        if (next >= end) return end;
        if (text[next] == '\r' && next + 1 < end && text[next + 1] == '\n') return next + 2;
        return next + 1;
    }

    /// <summary>How many <paramref name="c"/> stand in a row from <paramref name="pos"/>.</summary>
    public static int RunLength(string text, int pos, int end, char c)
    {
        var rel = text.AsSpan(pos, end - pos).IndexOfAnyExcept(c);
        return rel < 0 ? end - pos : rel;
    }

    /// <summary>Whether only spaces and tabs stand between <paramref name="pos"/> and the end of its line,
    /// or a comment or statement separator (<paramref name="enders"/>) comes first.</summary>
    public static bool LineIsDoneAfter(string text, int pos, int end, ReadOnlySpan<char> enders)
    {
        var rel = text.AsSpan(pos, end - pos).IndexOfAnyExcept(' ', '\t', '\f');
        if (rel < 0) return true;
        var c = text[pos + rel];
        return c is '\n' or '\r' || enders.Contains(c);
    }

    public static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
