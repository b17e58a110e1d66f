using System.Buffers;
using Markdig;
using Markdig.Syntax;
using PaperLens.Core.Citations;

namespace PaperLens.Core.Scanning.Markdown;

/// <summary>Citations in Markdown through Markdig's syntax tree (spec §2-3): links, autolinks and bare
/// URLs, reference definitions, footnotes, front matter, raw HTML anchors, prose (code spans included:
/// people write ids in backticks), fenced code blocks by language, and pandoc citation keys.</summary>
public static class MarkdownScanner
{
    private static readonly MarkdownPipeline Pipeline = Syntax().Use<InlinesWhereMarked>().Build();

    /// <summary>The Markdown the scanner reads, every block's inlines parsed.</summary>
    internal static MarkdownPipelineBuilder Syntax() => new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .UseYamlFrontMatter()
        .UseFootnotes()
        .UseAutoLinks()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseTaskLists();

    // Without one of these (or an @ for pandoc keys and BibTeX entries) no form of spec §2 can occur,
    // and most Markdown files of a repository have none: they are not parsed at all.
    private static readonly SearchValues<string> CitationMarkers = SearchValues.Create(
        [.. TextCitationFinder.MarkerWords, "@"], StringComparison.OrdinalIgnoreCase);

    private static readonly HashSet<string> PandocExtensions = new(StringComparer.OrdinalIgnoreCase) { ".qmd", ".rmd" };

    // A workspace scan has no next version to rescan: only an open document keeps its blocks.
    public static ScannedDocument Scan(string path, string text) => Scan(path, text, keepBlocks: false, out _);

    /// <param name="blocks">The document's blocks, for scanning its next version in part
    /// (<see cref="MarkdownRescan"/>); null when it was not parsed or cannot be.</param>
    internal static ScannedDocument Scan(string path, string text, out MarkdownBlocks? blocks) => Scan(path, text, keepBlocks: true, out blocks);

    private static ScannedDocument Scan(string path, string text, bool keepBlocks, out MarkdownBlocks? blocks)
    {
        blocks = null;
        if (!HasMarkers(text)) return ScannedDocument.Empty(path);
        var sink = new CitationSink();
        if (Parse(text) is { } document)
        {
            MarkdownWalker.Walk(document, text, ReadsBareKeys(path), sink);
            if (keepBlocks) blocks = MarkdownBlocks.Of(document, text.Length);
        }
        else
            foreach (var citation in TextCitationFinder.Find(text)) sink.Add(citation);
        return sink.ToDocument(path);
    }

    internal static bool HasMarkers(ReadOnlySpan<char> text) => text.IndexOfAny(CitationMarkers) >= 0;

    /// <summary>Whether a bare <c>@key</c> is a pandoc citation in every file of this kind (Quarto, R
    /// Markdown); in other Markdown, only where the front matter names a bibliography.</summary>
    internal static bool ReadsBareKeys(string path) => PandocExtensions.Contains(Path.GetExtension(path));

    internal static MarkdownDocument? Parse(string text)
    {
        try
        {
            return Markdig.Markdown.Parse(text, Pipeline);
        }
        catch (Exception)
        {
            // Markdig is a third-party parser fed arbitrary files: text it cannot parse still gets
            // the plain-text forms read, rather than the whole check failing on one file.
            return null;
        }
    }
}
