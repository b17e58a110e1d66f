using System.Buffers;

namespace PaperLens.Core.Scanning.Code;

/// <summary>Comments of the <c>%</c> family: MATLAB/Octave (<c>%</c>, <c>#</c>, <c>%{ … %}</c> blocks) and
/// LaTeX (<c>%</c> and the <c>comment</c> environment; <c>\%</c> is a percent sign, and <c>\url{…}</c>,
/// <c>\href{…}</c>, <c>\verb|…|</c> and verbatim environments keep theirs).</summary>
internal static class PercentCommentLexer
{
    private static readonly SearchValues<char> MatlabStops = SearchValues.Create("%#\"'");
    private static readonly SearchValues<char> LatexStops = SearchValues.Create("%\\");

    public static bool Reads(CommentSyntax syntax) => syntax is CommentSyntax.Matlab or CommentSyntax.Latex;

    public static void Lex(string text, int start, int end, CommentSyntax syntax, CommentSpans sink)
    {
        var matlab = syntax == CommentSyntax.Matlab;
        var stops = matlab ? MatlabStops : LatexStops;
        var pos = start;
        while (pos < end && sink.MarkerAtOrAfter(pos))
        {
            var rel = text.AsSpan(pos, end - pos).IndexOfAny(stops);
            if (rel < 0) break;
            var i = pos + rel;
            pos = text[i] switch
            {
                '%' or '#' when matlab => MatlabComment(text, i, start, end, sink),
                '%' => LineComment(text, i, end, sink),
                '\\' => LatexCommand(text, i, end, sink),
                '"' => Literals.Quoted(text, i + 1, end, '"', escapes: false, doubling: true, spansLines: false).Next,
                _ => IsTranspose(text, i, start) ? i + 1 : Literals.Quoted(text, i + 1, end, '\'', escapes: false, doubling: true, spansLines: false).Next,
            };
        }
    }

    private static int LineComment(string text, int i, int end, CommentSpans sink)
    {
        var line = Literals.RestOfLine(text, i + Literals.RunLength(text, i, end, text[i]), end);
        sink.Add(line.ContentStart, line.ContentEnd);
        return line.Next;
    }

    /// <summary>A MATLAB line comment, or a block when <c>%{</c> (or Octave's <c>#{</c>) stands alone on its line.</summary>
    private static int MatlabComment(string text, int i, int start, int end, CommentSpans sink)
    {
        var marker = text[i];
        if (i + 1 < end && text[i + 1] == '{' && AloneOnLine(text, i, i + 2, start, end))
        {
            var close = FindBlockClose(text, i + 2, start, end, marker);
            sink.Add(i + 2, close.ContentEnd);
            return close.Next;
        }
        return LineComment(text, i, end, sink);
    }

    /// <summary>The line that holds only <c>%}</c>; a <c>%}</c> with other text on its line does not close.</summary>
    private static Literals.Extent FindBlockClose(string text, int from, int start, int end, char marker)
    {
        ReadOnlySpan<char> closer = [marker, '}'];
        var pos = from;
        while (pos < end)
        {
            var rel = text.AsSpan(pos, end - pos).IndexOf(closer, StringComparison.Ordinal);
            if (rel < 0) break;
            var i = pos + rel;
            if (AloneOnLine(text, i, i + 2, start, end)) return new Literals.Extent(from, i, Literals.LineEnd(text, i + 2, end));
            pos = i + 2;
        }
        return new Literals.Extent(from, end, end);
    }

    private static bool AloneOnLine(string text, int markerStart, int markerEnd, int start, int end)
    {
        var lineStart = markerStart;
        while (lineStart > start && text[lineStart - 1] is ' ' or '\t') lineStart--;
        return (lineStart == start || text[lineStart - 1] is '\n' or '\r') && Literals.LineIsDoneAfter(text, markerEnd, end, []);
    }

    // `a'`, `x.'`, `(a+b)'`, `c{1}'` transpose; elsewhere a quote opens a character array.
    private static bool IsTranspose(string text, int quote, int start) =>
        quote > start && (Literals.IsIdentifierChar(text[quote - 1]) || text[quote - 1] is ')' or ']' or '}' or '.' or '\'');

    // Environments whose body is typeset as written: a `%` in a code listing is the listing's.
    private static readonly HashSet<string> VerbatimEnvironments = new(StringComparer.Ordinal)
    {
        "verbatim", "verbatim*", "Verbatim", "lstlisting", "minted", "alltt", "filecontents", "filecontents*",
    };

    /// <summary>Past a LaTeX control sequence: an escaped character (<c>\%</c>, <c>\\</c>), a command whose
    /// argument is verbatim text where <c>%</c> is no comment (<c>\url{…}</c>, <c>\href{…}</c>, <c>\verb|…|</c>),
    /// or an environment that is verbatim or, for <c>comment</c>, a comment as a whole.</summary>
    private static int LatexCommand(string text, int backslash, int end, CommentSpans sink)
    {
        var nameStart = backslash + 1;
        if (nameStart >= end) return end;
        if (!char.IsAsciiLetter(text[nameStart])) return nameStart + 1;
        var nameEnd = nameStart;
        while (nameEnd < end && nameEnd - nameStart < 8 && char.IsAsciiLetter(text[nameEnd])) nameEnd++;
        var name = text.AsSpan(nameStart, nameEnd - nameStart);
        if (name is "verb" && nameEnd < end)
        {
            var delimiter = text[nameEnd] == '*' && nameEnd + 1 < end ? nameEnd + 1 : nameEnd;
            return Literals.Quoted(text, delimiter + 1, end, text[delimiter], escapes: false, doubling: false, spansLines: false).Next;
        }
        if (name is "url" or "href" && nameEnd < end && text[nameEnd] == '{')
            return Literals.Quoted(text, nameEnd + 1, end, '}', escapes: false, doubling: false, spansLines: false).Next;
        if (name is "begin" && nameEnd < end && text[nameEnd] == '{')
        {
            var environment = Literals.Quoted(text, nameEnd + 1, end, '}', escapes: false, doubling: false, spansLines: false);
            var envName = text.AsSpan(environment.ContentStart, environment.ContentEnd - environment.ContentStart);
            var isComment = envName is "comment";
            if (envName.Length > 20 || !(isComment || VerbatimEnvironments.GetAlternateLookup<ReadOnlySpan<char>>().Contains(envName)))
                return environment.Next;
            var body = Literals.Until(text, environment.Next, end, $"\\end{{{envName}}}");
            if (isComment) sink.Add(body.ContentStart, body.ContentEnd);
            return body.Next;
        }
        return nameEnd;
    }
}
