using System.Text;
using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning.Code;

/// <summary>The comment text around a citation as its reader sees it: the citation's line and up to two
/// lines above it, without comment markers, indentation or the <c>*</c> that decorates the lines of a
/// block comment, joined by line breaks. Every character maps back to its offset in the file, so a claim
/// read here (link text wrapped over two <c>#</c> lines, say) gets its span in the file.</summary>
internal sealed class CommentText
{
    // A claim sits beside its citation: a title fits well within this much of a line, and the bound keeps
    // a megabyte-long comment line holding thousands of citations linear.
    private const int Reach = 300;
    // Link text wrapped in a narrow docstring spans at most three lines.
    private const int LinesAbove = 2;

    private readonly int[] _offsets;

    private CommentText(string text, int[] offsets, int lineStart, int citationStart, int citationEnd)
    {
        Text = text;
        _offsets = offsets;
        LineStart = lineStart;
        CitationStart = citationStart;
        CitationEnd = citationEnd;
    }

    public string Text { get; }

    /// <summary>Where the citation's own line starts in <see cref="Text"/>.</summary>
    public int LineStart { get; }

    /// <summary>The citation (its prefix or URL and id) in <see cref="Text"/>.</summary>
    public int CitationStart { get; }

    public int CitationEnd { get; }

    /// <summary>Text[start..end) as a range of the file: from its first to its last character.</summary>
    public TextSpan ToFile(int start, int end) => TextSpan.FromBounds(_offsets[start], _offsets[end - 1] + 1);

    /// <param name="extent">The citation's whole text, inside <paramref name="comment"/>'s text.</param>
    public static CommentText Around(string text, CommentSpan comment, TextSpan extent)
    {
        var segment = comment.Text;
        var lineStart = LineStartBefore(text, segment.Start, extent.Start);
        var newline = text.AsSpan(extent.End, Math.Min(segment.End, extent.End + Reach) - extent.End).IndexOf('\n');
        var lineEnd = newline < 0 ? Math.Min(segment.End, extent.End + Reach) : extent.End + newline;

        // The lines from the citation's upwards: within its comment, then the comments above it.
        var lines = new List<TextSpan>(LinesAbove + 1) { TextSpan.FromBounds(lineStart, lineEnd) };
        TextSpan?[] above = [comment.Above, comment.TwoAbove];
        var nextAbove = 0;
        var top = lineStart;
        while (lines.Count <= LinesAbove)
        {
            if (top > segment.Start)
            {
                // A line cut by the reach is not a whole line: what lies above it is too far away.
                if (text[top - 1] != '\n') break;
                var end = top - 1;
                top = LineStartBefore(text, segment.Start, end);
                lines.Add(TextSpan.FromBounds(top, end));
            }
            else if (nextAbove < above.Length && above[nextAbove++] is { } previous)
            {
                segment = previous;
                top = LineStartBefore(text, segment.Start, segment.End);
                lines.Add(TextSpan.FromBounds(top, segment.End));
            }
            else
            {
                break;
            }
        }

        var size = lines.Sum(l => l.Length) + lines.Count;
        var joined = new StringBuilder(size);
        var offsets = new int[size];
        int citationLine = 0, citationStart = 0;
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            if (i < lines.Count - 1)
            {
                offsets[joined.Length] = lines[i + 1].End;
                joined.Append('\n');
            }
            var (start, end) = Undecorated(text, lines[i]);
            if (i == 0)
            {
                citationLine = joined.Length;
                citationStart = joined.Length + extent.Start - start;
            }
            for (var at = start; at < end; at++) offsets[joined.Length + at - start] = at;
            joined.Append(text, start, end - start);
        }
        return new CommentText(joined.ToString(), offsets, citationLine, citationStart, citationStart + extent.Length);
    }

    /// <summary>The start of the line holding <paramref name="pos"/>, or the reach's bound before it.</summary>
    private static int LineStartBefore(string text, int floor, int pos)
    {
        var from = Math.Max(floor, pos - Reach);
        var newline = text.AsSpan(from, pos - from).LastIndexOf('\n');
        return newline < 0 ? from : from + newline + 1;
    }

    /// <summary>A line without its indentation, a block comment's <c>*</c> decoration and a CR before its
    /// line break. Neither can start or end a citation, so a citation's line keeps it whole.</summary>
    private static (int Start, int End) Undecorated(string text, TextSpan line)
    {
        int start = line.Start, end = line.End;
        if (end > start && text[end - 1] == '\r') end--;
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        // ` * text` continues a block comment; `*text*` is emphasis and stays.
        if (start < end && text[start] == '*' && (start + 1 == end || char.IsWhiteSpace(text[start + 1])))
        {
            start++;
            while (start < end && char.IsWhiteSpace(text[start])) start++;
        }
        return (start, end);
    }
}
