using System.Buffers;
using Markdig;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Syntax;

namespace PaperLens.Core.Scanning.Markdown;

/// <summary>A Markdig extension that leaves the inlines of a paragraph or heading unparsed when its lines
/// hold nothing the scanner reads there: no citation marker, no <c>@</c> (pandoc keys), no <c>[</c> (a
/// reference link's text is a claim for its definition, wherever that is; a footnote reference keeps its
/// footnote) and no ignore comment. Link destinations, HTML anchors and text citations all hold a marker
/// in the source, so such a block yields nothing — and most prose blocks are such blocks: Markdig's inline
/// pass and the walk of its tree are most of a Markdown scan.</summary>
internal sealed class InlinesWhereMarked : IMarkdownExtension
{
    private static readonly SearchValues<string> Readable = SearchValues.Create(
        [.. TextCitationFinder.MarkerWords, "@", "[", IgnoreComments.Keyword], StringComparison.OrdinalIgnoreCase);

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        // Closed is raised once the parser is done with the block (a paragraph's link reference definitions
        // already taken out of it) and before the inline pass; a setext heading is closed by the paragraph parser.
        foreach (var parser in pipeline.BlockParsers)
            if (parser is ParagraphBlockParser or HeadingBlockParser)
                parser.Closed += LeaveUnmarkedInlines;
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private static void LeaveUnmarkedInlines(BlockProcessor processor, Block block)
    {
        if (block is LeafBlock { ProcessInlines: true } leaf && !HoldsReadable(leaf)) leaf.ProcessInlines = false;
    }

    private static bool HoldsReadable(LeafBlock leaf)
    {
        var lines = leaf.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            var slice = lines.Lines[i].Slice;
            if (slice.Text is null || slice.Length <= 0) continue;
            if (slice.Text.AsSpan(slice.Start, slice.Length).IndexOfAny(Readable) >= 0) return true;
        }
        return false;
    }
}
