using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PaperLens.Core.Scanning.Markdown;

/// <summary>Visits every block of a parsed document once, in document order, and hands each to the
/// reader for its kind. Blocks are walked with an explicit stack: block quotes nest as deep as the input.</summary>
internal static class MarkdownWalker
{
    public static void Walk(MarkdownDocument document, string text, bool bareCiteKeys, CitationSink sink)
    {
        // Most documents have no ignore comment, and their inlines need not be looked at twice.
        var ignores = text.Contains(IgnoreComments.Keyword, StringComparison.Ordinal);
        var uses = new ReferenceUseClaims();
        var reader = new BlockCitationReader(text, sink, uses) { BareCiteKeys = bareCiteKeys };
        var definitions = new List<LinkReferenceDefinition>();
        var codeBlocks = new List<FencedCodeBlock>();
        foreach (var block in Blocks(document))
        {
            switch (block)
            {
                case YamlFrontMatterBlock frontMatter:
                    var bibliographies = FrontMatter.Read(frontMatter, text, sink);
                    sink.Bibliographies.AddRange(bibliographies);
                    if (bibliographies.Count > 0) reader.BareCiteKeys = true;
                    break;
                case FootnoteLinkReferenceDefinition:
                    break;
                case LinkReferenceDefinition definition:
                    definitions.Add(definition);
                    break;
                case FencedCodeBlock fenced:
                    codeBlocks.Add(fenced);
                    break;
                case CodeBlock:
                    break;
                case HtmlBlock html:
                    reader.Read(HtmlLayoutReader.Read(html, text));
                    if (ignores && SourceLines.ToRange(html.Span, text.Length) is { } raw) HtmlComments.ReadIgnores(text, raw, sink.Ignores);
                    break;
                case LeafBlock { Inline: not null } leaf:
                    reader.Read(InlineLayoutReader.Read(leaf, text));
                    if (ignores)
                        foreach (var inline in leaf.Inline.Descendants<HtmlInline>())
                            if (SourceLines.ToRange(inline.Span, text.Length) is { } tag) HtmlComments.ReadIgnores(text, tag, sink.Ignores);
                    break;
            }
        }
        ReferenceDefinitions.Read(definitions, text, uses, sink);
        CodeBlockScanner.ScanAll(text, codeBlocks, sink);
    }

    private static IEnumerable<Block> Blocks(MarkdownDocument document)
    {
        var stack = new Stack<Block>();
        stack.Push(document);
        while (stack.Count > 0)
        {
            var block = stack.Pop();
            yield return block;
            if (block is ContainerBlock container)
                for (var i = container.Count - 1; i >= 0; i--)
                    stack.Push(container[i]);
        }
    }
}
