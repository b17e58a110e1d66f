using System.Buffers;
using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning.Latex;

/// <summary>Splits TeX into <see cref="TexToken"/>s as TeX itself reads it: escapes (<c>\%</c> is a
/// percent sign, not a comment), groups, comments to the end of their line, and the places where TeX
/// stops reading commands — <c>\verb</c>, verbatim-like environments, the URL of <c>\url</c> and
/// <c>\href</c> — as single tokens, so that a <c>%</c>, <c>}</c> or <c>\cite</c> inside them means
/// nothing. Never fails: an unclosed construct runs to the end of the text.</summary>
internal static class TexTokenizer
{
    // Environments whose body is not TeX (spec §3: not scanned), and the verbatim family's relatives.
    private static readonly HashSet<string> VerbatimEnvironments = new(StringComparer.Ordinal)
    {
        "verbatim", "verbatim*", "Verbatim", "Verbatim*", "BVerbatim", "LVerbatim", "lstlisting", "minted",
        "comment", "alltt", "filecontents", "filecontents*", "spverbatim",
    };

    // Commands whose next group is a URL: hyperref and url read it with % and # as plain characters.
    private static readonly HashSet<string> UrlCommands = new(StringComparer.Ordinal) { "url", "href", "path", "nolinkurl" };

    private static readonly SearchValues<char> TextStops = SearchValues.Create("\\{}[]% \t\r\n\f");

    // A URL never holds a paragraph break and is far shorter than this; an unclosed one is not a URL.
    private const int LongestUrl = 2048;

    public static List<TexToken> Tokenize(string text) => Tokenize(text, 0, text.Length);

    public static List<TexToken> Tokenize(string text, int start, int end)
    {
        // LaTeX runs 3.3 characters a token in the real-looking tree's documents, 3.9 in the corpus' papers:
        // sized for one in three, the list of a long document is mostly allocated once rather than grown
        // through a series of copies, each a large object.
        var tokens = new List<TexToken>((end - start) / 3 + 16);
        var pos = start;
        while (pos < end)
        {
            switch (text[pos])
            {
                case '\\':
                    pos = Command(text, pos, end, tokens);
                    break;
                case '{':
                    tokens.Add(new TexToken(TexTokenKind.BeginGroup, new TextSpan(pos++, 1)));
                    break;
                case '}':
                    tokens.Add(new TexToken(TexTokenKind.EndGroup, new TextSpan(pos++, 1)));
                    break;
                case '[':
                    tokens.Add(new TexToken(TexTokenKind.OpenBracket, new TextSpan(pos++, 1)));
                    break;
                case ']':
                    tokens.Add(new TexToken(TexTokenKind.CloseBracket, new TextSpan(pos++, 1)));
                    break;
                case '%':
                    pos = Comment(text, pos, end, tokens);
                    break;
                case ' ' or '\t' or '\r' or '\n' or '\f':
                    var spaceEnd = pos + 1;
                    while (spaceEnd < end && text[spaceEnd] is ' ' or '\t' or '\r' or '\n' or '\f') spaceEnd++;
                    tokens.Add(new TexToken(TexTokenKind.Space, TextSpan.FromBounds(pos, spaceEnd)));
                    pos = spaceEnd;
                    break;
                default:
                    var rel = text.AsSpan(pos + 1, end - pos - 1).IndexOfAny(TextStops);
                    var textEnd = rel < 0 ? end : pos + 1 + rel;
                    tokens.Add(new TexToken(TexTokenKind.Word, TextSpan.FromBounds(pos, textEnd)));
                    pos = textEnd;
                    break;
            }
        }
        return tokens;
    }

    private static int Comment(string text, int percent, int end, List<TexToken> tokens)
    {
        var contentStart = percent;
        while (contentStart < end && text[contentStart] == '%') contentStart++;
        var lineEnd = LineEnd(text, contentStart, end);
        var contentEnd = lineEnd > contentStart && text[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
        tokens.Add(new TexToken(TexTokenKind.Comment, TextSpan.FromBounds(percent, lineEnd), TextSpan.FromBounds(contentStart, contentEnd)));
        return lineEnd;
    }

    private static int Command(string text, int backslash, int end, List<TexToken> tokens)
    {
        var nameStart = backslash + 1;
        if (nameStart >= end)
        {
            tokens.Add(new TexToken(TexTokenKind.Word, new TextSpan(backslash, 1)));
            return end;
        }
        if (!char.IsAsciiLetter(text[nameStart]))
        {
            tokens.Add(new TexToken(TexTokenKind.Command, new TextSpan(backslash, 2)));
            return nameStart + 1;
        }
        var nameEnd = nameStart + 1;
        while (nameEnd < end && char.IsAsciiLetter(text[nameEnd])) nameEnd++;
        var name = text.AsSpan(nameStart, nameEnd - nameStart);
        var command = new TexToken(TexTokenKind.Command, TextSpan.FromBounds(backslash, nameEnd));

        if (name is "verb") return InlineVerbatim(text, backslash, nameEnd, end, tokens);
        if (name is "lstinline") return InlineVerbatim(text, backslash, SkipOptional(text, nameEnd, end), end, tokens);
        if (name is "mintinline") return InlineVerbatim(text, backslash, SkipGroup(text, SkipOptional(text, nameEnd, end), end), end, tokens);
        if (name is "begin" && Environment(text, nameEnd, end) is { } environment
            && VerbatimEnvironments.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(environment.Start, environment.Length)))
        {
            var closer = $"\\end{{{text.AsSpan(environment.Start, environment.Length)}}}";
            var close = text.IndexOf(closer, environment.End, end - environment.End, StringComparison.Ordinal);
            var verbatimEnd = close < 0 ? end : close + closer.Length;
            tokens.Add(new TexToken(TexTokenKind.Verbatim, TextSpan.FromBounds(backslash, verbatimEnd)));
            return verbatimEnd;
        }
        tokens.Add(command);
        if (UrlCommands.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name)) return UrlArgument(text, nameEnd, end, tokens);
        return nameEnd;
    }

    /// <summary><c>\verb|…|</c>, <c>\verb*+…+</c>, <c>\lstinline{…}</c>: from the command to the closing
    /// delimiter on the same line; the whole is one <see cref="TexTokenKind.Verbatim"/> token.</summary>
    private static int InlineVerbatim(string text, int backslash, int at, int end, List<TexToken> tokens)
    {
        if (at < end && text[at] == '*') at++;
        var stop = at;
        if (at < end && text[at] is not (' ' or '\t' or '\r' or '\n') && !char.IsAsciiLetter(text[at]))
        {
            var closer = text[at] == '{' ? '}' : text[at];
            var lineEnd = LineEnd(text, at + 1, end);
            var close = text.IndexOf(closer, at + 1, lineEnd - at - 1);
            stop = close < 0 ? lineEnd : close + 1;
        }
        tokens.Add(new TexToken(TexTokenKind.Verbatim, TextSpan.FromBounds(backslash, stop)));
        return stop;
    }

    /// <summary>The URL group after <c>\url</c> or <c>\href</c> (spaces before it allowed): braces nest,
    /// nothing else is special. Without a closing brace within reach, the text is tokenized as usual.</summary>
    private static int UrlArgument(string text, int at, int end, List<TexToken> tokens)
    {
        var open = at;
        while (open < end && text[open] is ' ' or '\t') open++;
        if (open >= end || text[open] != '{') return at;
        var depth = 0;
        var limit = Math.Min(end, open + LongestUrl);
        for (var pos = open; pos < limit; pos++)
        {
            if (text[pos] == '{') depth++;
            else if (text[pos] == '}' && --depth == 0)
            {
                if (open > at) tokens.Add(new TexToken(TexTokenKind.Space, TextSpan.FromBounds(at, open)));
                tokens.Add(new TexToken(TexTokenKind.VerbatimArgument, TextSpan.FromBounds(open, pos + 1), TextSpan.FromBounds(open + 1, pos)));
                return pos + 1;
            }
            else if (text[pos] == '\n' && pos + 1 < limit && text.AsSpan(pos + 1, limit - pos - 1).TrimStart(" \t\r").StartsWith('\n'))
                return at;
        }
        return at;
    }

    /// <summary>The name in <c>{name}</c> after <c>\begin</c>, or null.</summary>
    private static TextSpan? Environment(string text, int at, int end)
    {
        if (at >= end || text[at] != '{') return null;
        var close = text.IndexOf('}', at + 1, Math.Min(end - at - 1, 40));
        return close < 0 ? null : TextSpan.FromBounds(at + 1, close);
    }

    private static int SkipOptional(string text, int at, int end)
    {
        if (at >= end || text[at] != '[') return at;
        var close = text.IndexOf(']', at + 1, LineEnd(text, at + 1, end) - at - 1);
        return close < 0 ? at : close + 1;
    }

    private static int SkipGroup(string text, int at, int end)
    {
        if (at >= end || text[at] != '{') return at;
        var close = text.IndexOf('}', at + 1, LineEnd(text, at + 1, end) - at - 1);
        return close < 0 ? at : close + 1;
    }

    private static int LineEnd(string text, int from, int end)
    {
        var newline = from < end ? text.IndexOf('\n', from, end - from) : -1;
        return newline < 0 ? end : newline;
    }
}
