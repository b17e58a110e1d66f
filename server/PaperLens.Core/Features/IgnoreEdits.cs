using PaperLens.Core.Citations;
using PaperLens.Core.Index;
using PaperLens.Core.Rules;
using PaperLens.Core.Scanning;
using PaperLens.Core.Text;

namespace PaperLens.Core.Features;

/// <summary>"Ignore this finding": the <c>paperlens-ignore</c> comment (spec §5) that hides one finding, written
/// in the comment syntax of the finding's place as its scanner recorded it (<see cref="DocumentComments"/>):
/// on the line before, indented like it; at the end of the line in Markdown prose, where a comment line
/// would split a paragraph, list or table; before the entry in BibTeX. An ignore comment that already covers
/// the line for other rules gets the code added instead, since a second comment line would push it away
/// from the line it covers. Nothing where no comment can be written (a notebook's JSON).</summary>
internal static class IgnoreEdits
{
    public static CitationEdit? For(IndexedDocument document, string text, Diagnostic finding)
    {
        var scan = document.Scan;
        var title = $"Ignore this finding ({finding.Code})";
        var at = finding.Span.Start;
        if (scan.Ignores.FirstOrDefault(i => i.Covers.Contains(at) && i.Codes.Count > 0) is { } existing)
            return new CitationEdit(title, CitationEditKind.Ignore, new TextSpan(existing.CodesEnd, 0), " " + finding.Code, finding);
        if (scan.Comments.At(at) is not { } style) return null;

        var lines = document.Lines ?? new LineMap(text);
        var comment = style.Write($"{IgnoreComments.Keyword} {finding.Code}");
        var line = lines.GetPosition(style.Placement == CommentPlacement.BeforeEntry ? EntryStart(scan, at) : at).Line;
        var start = lines.LineStart(line);
        var end = lines.LineEnd(line);
        if (style.Placement == CommentPlacement.LineBeforeBlockStart && !StartsBlock(text, lines, line))
            return new CitationEdit(title, CitationEditKind.Ignore, new TextSpan(end, 0), " " + comment, finding);
        var indent = text.AsSpan(start, end - start);
        indent = indent[..(indent.Length - indent.TrimStart(" \t").Length)];
        return new CitationEdit(title, CitationEditKind.Ignore, new TextSpan(start, 0), $"{indent}{comment}{LineBreak(text, end)}", finding);
    }

    // A finding in an entry is reported on a field; a broken entry's (PL011) starts at its '@'.
    private static int EntryStart(ScannedDocument scan, int at) =>
        scan.BibEntries.FirstOrDefault(e => e.Span.Start <= at && at < e.Span.End)?.Span.Start ?? at;

    /// <summary>Whether a Markdown line starts a block a comment line may stand before: after a blank line
    /// (or first), and not a list item, table row or quote, which the comment line would cut from the
    /// list, table or quote before them.</summary>
    private static bool StartsBlock(string text, LineMap lines, int line)
    {
        if (line > 0 && !text.AsSpan(lines.LineStart(line - 1), lines.LineEnd(line - 1) - lines.LineStart(line - 1)).IsWhiteSpace()) return false;
        var content = text.AsSpan(lines.LineStart(line), lines.LineEnd(line) - lines.LineStart(line)).TrimStart(" \t");
        if (content.IsEmpty || content[0] is '>' or '|') return false;
        if (content[0] is '-' or '*' or '+' && (content.Length == 1 || content[1] is ' ' or '\t')) return false;
        var digits = content.Length - content.TrimStart("0123456789").Length;
        return !(digits > 0 && digits < content.Length && content[digits] is '.' or ')');
    }

    // The document's own line break, so that a CRLF file stays CRLF.
    private static string LineBreak(string text, int lineEnd) =>
        lineEnd + 1 < text.Length && text[lineEnd] == '\r' && text[lineEnd + 1] == '\n' ? "\r\n" : lineEnd < text.Length && text[lineEnd] == '\r' ? "\r" : "\n";
}
