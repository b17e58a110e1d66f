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
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .UseYamlFrontMatter()
        .UseFootnotes()
        .UseAutoLinks()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseTaskLists()
        .Build();

    // Without one of these (or an @ for pandoc keys and BibTeX entries) no form of spec §2 can occur,
    // and most Markdown files of a repository have none: they are not parsed at all.
    private static readonly SearchValues<string> CitationMarkers = SearchValues.Create(
        [.. TextCitationFinder.MarkerWords, "@"], StringComparison.OrdinalIgnoreCase);

    private static readonly HashSet<string> PandocExtensions = new(StringComparer.OrdinalIgnoreCase) { ".qmd", ".rmd" };

    public static ScannedDocument Scan(string path, string text)
    {
        if (text.AsSpan().IndexOfAny(CitationMarkers) < 0) return ScannedDocument.Empty(path);
        var sink = new CitationSink();
        if (Parse(text) is { } document)
            MarkdownWalker.Walk(document, text, PandocExtensions.Contains(Path.GetExtension(path)), sink);
        else
            foreach (var citation in TextCitationFinder.Find(text)) sink.Add(citation);
        return sink.ToDocument(path);
    }

    private static MarkdownDocument? Parse(string text)
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
