using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using PaperLens.Core.Citations;
using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning.Markdown;

/// <summary>An edited Markdown document scanned again only around the edit, with the same result as a
/// whole scan: a 5,000-line note otherwise costs a parse of all of it per keystroke.
///
/// Markdown is parsed line by line, forwards: the block structure up to a line depends only on the lines
/// before it. A window of whole top-level blocks of the previous version (those the edit touches, and one
/// more on each side) is parsed alone. It starts where a block began in a fresh state (nothing open) and
/// whose first line the edit left alone, so it begins the same way in the new version; it ends where the
/// next unchanged block begins, which the window's parse must show starting fresh too (it is parsed with
/// that block's first line). Citations, BibTeX entries, problems, ignore comments and comment styles before the window are kept, those after
/// it moved by the edit's length. What would make a block's findings depend on text elsewhere falls back to
/// a whole scan: link reference definitions in the window or just before it, brackets in it that may use a
/// definition elsewhere, footnotes (Markdig moves them to the end), tabs, the front matter's block, in a
/// document starting with <c>---</c> a window with a line that may close front matter, and a document
/// without citation markers (whose scan is empty whatever its front matter says).</summary>
internal static class MarkdownRescan
{
    /// <returns>The scan of <paramref name="after"/> and its blocks; null when it must be scanned whole.</returns>
    public static (ScannedDocument Scan, MarkdownBlocks Blocks)? Rescan(string path, string before, ScannedDocument scanned, MarkdownBlocks blocks, string after)
    {
        // Markdig places some inlines after a tab by column instead of offset (an ATX heading's text after
        // "#\t" is placed as if the heading began the document), so a document with tabs is read alike only
        // where it stands: it is scanned whole.
        if (!MarkdownScanner.HasMarkers(after) || after.Contains("[^", StringComparison.Ordinal) || after.Contains('\t')) return null;
        var prefix = before.AsSpan().CommonPrefixLength(after);
        var suffix = CommonSuffixLength(before, after, Math.Min(before.Length, after.Length) - prefix);
        var delta = after.Length - before.Length;

        // The first block with a line the edit touches (or after it), and the last; by whole lines, since a
        // block's indentation and its last line's end are part of how it reads.
        var first = FirstWhere(blocks.Count, k => AfterLine(before, blocks.Ends[k] - 1) > prefix);
        var last = FirstWhere(blocks.Count, k => LineStart(before, blocks.Starts[k]) > before.Length - suffix) - 1;
        var windowFirst = first - 1;
        if (windowFirst < 1) return null;
        var next = Math.Min(Math.Max(last + 2, first + 1), blocks.Count);

        var windowStart = LineStart(before, blocks.Starts[windowFirst]);
        var windowEndBefore = next < blocks.Count ? LineStart(before, blocks.Starts[next]) : before.Length;
        var windowEnd = windowEndBefore + delta;
        // Definitions are cut from the start of a paragraph, which Markdig's block then no longer covers:
        // one on the line before the window may begin the paragraph the window's first block continues.
        var lineBefore = LineStart(before, windowStart - 1);
        if (blocks.Definitions.Any(d => d.Start < windowEndBefore && d.End > lineBefore)) return null;

        // The window and the next block's first line.
        var parsedEnd = next < blocks.Count ? LineEnd(after, windowEnd) : after.Length;
        var window = after[windowStart..parsedEnd];
        var windowBefore = before.AsSpan(windowStart, windowEndBefore - windowStart);
        var windowAfter = window.AsSpan(0, windowEnd - windowStart);
        if (blocks.Labels.Count > 0 && (MayUseLabel(windowBefore, blocks.Labels) || MayUseLabel(windowAfter, blocks.Labels))) return null;
        // A first line of --- opens front matter when some line below starts with --- or ... (Markdig looks
        // through the whole document for one): the window must neither hold nor have held such a line.
        if (after.StartsWith("---", StringComparison.Ordinal) && (MayCloseFrontMatter(windowBefore) || MayCloseFrontMatter(windowAfter))) return null;
        if (MarkdownScanner.Parse(window) is not { } document) return null;

        var windowLength = windowEnd - windowStart;
        var nextStart = next < blocks.Count ? blocks.Starts[next] + delta - windowStart : -1;
        var nextFound = false;
        var spans = new List<TextSpan>();
        foreach (var block in document)
        {
            if (block is YamlFrontMatterBlock or LinkReferenceDefinitionGroup or FootnoteGroup) return null;
            if (SourceLines.ToRange(block.Span, window.Length) is not { } span) return null;
            if (span.Start == nextStart) nextFound = true;
            else if (span.End <= windowLength && span.Start >= (spans.Count > 0 ? spans[^1].End - windowStart : 0)) spans.Add(span.Shift(windowStart));
            else return null;
        }
        if (next < blocks.Count && !nextFound) return null;

        var sink = new CitationSink();
        MarkdownWalker.Walk(document, window, MarkdownScanner.ReadsBareKeys(path) || scanned.Bibliographies.Count > 0, sink);
        var found = sink.ToDocument(path);
        var rescanned = new ScannedDocument(
            path,
            Splice(scanned.Citations, found.Citations, c => c.Span.Start, (c, map) => c.MapSpans(map)),
            Splice(scanned.BibEntries, found.BibEntries, e => e.Span.Start, (e, map) => e with { Span = map(e.Span), KeySpan = map(e.KeySpan) }),
            Splice(scanned.Problems, found.Problems, p => p.Span.Start, (p, map) => p with { Span = map(p.Span) }),
            scanned.Bibliographies)
        {
            Ignores = Splice(scanned.Ignores, found.Ignores, i => i.Covers.Start, (i, map) => i.MapSpans(map)),
            Comments = scanned.Comments with
            {
                Stretches = Splice(scanned.Comments.Stretches, found.Comments.Stretches, s => s.Span.Start, (s, map) => (map(s.Span), s.Style)),
            },
        };
        return (rescanned, blocks.Splice(windowFirst, next, spans, windowEndBefore, delta));

        // Outside the window as they were, every range after it moved by the edit's length (a reference
        // definition's claim may be read from a link using it, anywhere); the window's own from its parse,
        // where they start before the next block.
        List<T> Splice<T>(IReadOnlyList<T> was, IReadOnlyList<T> inWindow, Func<T, int> start, Func<T, Func<TextSpan, TextSpan>, T> map)
        {
            Func<TextSpan, TextSpan> moved = s => s.Start >= windowEndBefore ? s.Shift(delta) : s;
            var items = new List<T>(was.Count + inWindow.Count);
            items.AddRange(was.Where(x => start(x) < windowStart).Select(x => map(x, moved)));
            items.AddRange(inWindow.Where(x => start(x) < windowLength).Select(x => map(x, s => s.Shift(windowStart))));
            items.AddRange(was.Where(x => start(x) >= windowEndBefore).Select(x => map(x, moved)));
            return items;
        }
    }

    /// <summary>Whether some bracketed text may be a reference to one of <paramref name="labels"/>, by
    /// <see cref="MarkdownBlocks.ReduceLabel"/>; a bracket holding a backslash always may.</summary>
    private static bool MayUseLabel(ReadOnlySpan<char> text, IReadOnlySet<string> labels)
    {
        var open = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '[') open = i;
            else if (text[i] == ']' && open >= 0)
            {
                var content = text[(open + 1)..i];
                if (content.Contains('\\') || labels.Contains(MarkdownBlocks.ReduceLabel(content))) return true;
                open = -1;
            }
        }
        return false;
    }

    /// <summary>The first of <paramref name="count"/> indexes where <paramref name="holds"/>, which holds from
    /// some index on; <paramref name="count"/> when it never does.</summary>
    private static int FirstWhere(int count, Func<int, bool> holds)
    {
        int lo = 0, hi = count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (holds(mid)) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    private static bool MayCloseFrontMatter(ReadOnlySpan<char> lines)
    {
        foreach (var line in lines.EnumerateLines())
            if (line.StartsWith("---") || line.StartsWith("...")) return true;
        return false;
    }

    private static int CommonSuffixLength(string before, string after, int limit)
    {
        // Whole chunks first (a vectorised comparison), then the chunk that differs character by character.
        const int Chunk = 256;
        var n = 0;
        while (n + Chunk <= limit && before.AsSpan(before.Length - n - Chunk, Chunk).SequenceEqual(after.AsSpan(after.Length - n - Chunk, Chunk))) n += Chunk;
        while (n < limit && before[before.Length - 1 - n] == after[after.Length - 1 - n]) n++;
        return n;
    }

    private static int LineStart(string text, int offset) => offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;

    /// <summary>Where the line holding <paramref name="offset"/> ends, its line break included: text may be
    /// added to a last line without one, so that one ends past the text.</summary>
    private static int AfterLine(string text, int offset)
    {
        var newline = text.IndexOf('\n', offset);
        return newline < 0 ? text.Length + 1 : newline + 1;
    }

    private static int LineEnd(string text, int offset)
    {
        var newline = text.IndexOf('\n', offset);
        return newline < 0 ? text.Length : newline + 1;
    }
}
