using PaperLens.Core.Citations;
using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning;

/// <summary>The one reading of a <c>paperlens-ignore</c> comment (spec §5), in the comment text a scanner
/// found in its syntax (<c>#</c>, <c>//</c>, <c>/* */</c>, <c>--</c>, <c>%</c>, <c>&lt;!-- --&gt;</c>, text
/// between BibTeX entries): the keyword, then the rule codes it names, if any, separated by spaces or
/// commas — <c>paperlens-ignore PL003, PL012: a deliberate misquote</c>. It covers its own line and the line
/// after the comment ends, so it may stand at the end of the line or on the line before.</summary>
internal static class IgnoreComments
{
    public const string Keyword = "paperlens-ignore";

    /// <summary>The ignore comments in the comment text <paramref name="text"/>[<paramref name="start"/>..<paramref name="end"/>).</summary>
    public static IEnumerable<IgnoreComment> In(string text, int start, int end)
    {
        for (var at = Next(text, start, end); at >= 0; at = Next(text, at + Keyword.Length, end))
            if (Read(text, at, end) is { } comment) yield return comment;
    }

    /// <summary>The first keyword in text[from..end), or -1.</summary>
    internal static int Next(string text, int from, int end)
    {
        if (from >= end) return -1;
        var found = text.AsSpan(from, end - from).IndexOf(Keyword, StringComparison.Ordinal);
        return found < 0 ? -1 : from + found;
    }

    /// <summary>The comment whose keyword stands at <paramref name="at"/>, in comment text ending at
    /// <paramref name="end"/>; null when the keyword is part of a longer word (<c>paperlens-ignored</c>).</summary>
    internal static IgnoreComment? Read(string text, int at, int end)
    {
        var after = at + Keyword.Length;
        if (at > 0 && IsWordChar(text[at - 1]) || after < text.Length && IsWordChar(text[after])) return null;
        var codes = new List<string>();
        var codesEnd = after;
        var pos = after;
        while (true)
        {
            while (pos < end && text[pos] is ' ' or '\t' or ',' or ':') pos++;
            var word = pos;
            while (word < end && char.IsAsciiLetterOrDigit(text[word])) word++;
            if (!IsCode(text.AsSpan(pos, word - pos))) break;
            codes.Add(text.Substring(pos, word - pos).ToUpperInvariant());
            codesEnd = pos = word;
        }
        return new IgnoreComment(TextSpan.FromBounds(LineStart(text, at), EndOfNextLine(text, end)), codes, codesEnd);
    }

    // PL and three digits, any case: the codes of spec §4.
    private static bool IsCode(ReadOnlySpan<char> word) =>
        word.Length == 5 && word[..2].Equals("PL", StringComparison.OrdinalIgnoreCase) && char.IsAsciiDigit(word[2]) && char.IsAsciiDigit(word[3]) && char.IsAsciiDigit(word[4]);

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';

    private static int LineStart(string text, int at)
    {
        var newline = text.AsSpan(0, at).LastIndexOfAny('\n', '\r');
        return newline + 1;
    }

    /// <summary>The end of the line after the one holding <paramref name="at"/>, before its line break.</summary>
    private static int EndOfNextLine(string text, int at)
    {
        var end = LineEnd(text, at);
        if (end == text.Length) return end;
        var next = end + (text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? 2 : 1);
        return LineEnd(text, next);
    }

    private static int LineEnd(string text, int at)
    {
        var found = text.AsSpan(at).IndexOfAny('\n', '\r');
        return found < 0 ? text.Length : at + found;
    }
}
