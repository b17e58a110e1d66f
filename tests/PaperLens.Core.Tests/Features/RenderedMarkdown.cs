using System.Text.RegularExpressions;
using Markdig;

namespace PaperLens.Core.Tests.Features;

/// <summary>Markdown as a client shows it: rendered by Markdig with the GFM extensions editors enable
/// (tables, strikethrough, bare-URL autolinks, task lists), so a test reads what a user reads.</summary>
internal static partial class RenderedMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables().UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough).UseAutoLinks().UseTaskLists().Build();

    public static string Html(string markdown) => Markdig.Markdown.ToHtml(markdown, Pipeline);

    /// <summary>The rendered text, white space collapsed (line breaks between blocks included).</summary>
    public static string Plain(string markdown) => Spaces().Replace(Markdig.Markdown.ToPlainText(markdown, Pipeline), " ").Trim();

    /// <summary>The HTML tags of the rendering, in order (<c>p</c>, <c>/p</c>, <c>a href="…"</c>…).</summary>
    public static IReadOnlyList<string> Tags(string markdown) => Tag().Matches(Html(markdown)).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"<(/?[a-z0-9]+(?: [^>]*)?)/?>")]
    private static partial Regex Tag();
}
