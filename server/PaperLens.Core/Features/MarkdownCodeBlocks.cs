using Markdig;
using Markdig.Syntax;
using PaperLens.Core.Text;

namespace PaperLens.Core.Features;

/// <summary>Where a Markdown document holds code rather than prose: fenced and indented code blocks
/// and front matter. A citation there is written as code is (<c>arXiv:ID</c>, a quoted title), never
/// as a Markdown link, which would not render.</summary>
public sealed class MarkdownCodeBlocks
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    private readonly IReadOnlyList<TextSpan> _blocks;

    private MarkdownCodeBlocks(IReadOnlyList<TextSpan> blocks) => _blocks = blocks;

    public static MarkdownCodeBlocks Of(string text) => new(Markdown.Parse(text, Pipeline)
        .Descendants<CodeBlock>()
        .Select(b => TextSpan.FromBounds(b.Span.Start, b.Span.End + 1))
        .ToList());

    public bool Contains(int offset) => _blocks.Any(b => offset >= b.Start && offset < b.End);
}
