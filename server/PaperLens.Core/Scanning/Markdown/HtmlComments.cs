using PaperLens.Core.Citations;
using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning.Markdown;

/// <summary>The <c>paperlens-ignore</c> comments among the HTML comments (<c>&lt;!-- … --&gt;</c>) of raw HTML
/// Markdig found: an HTML block, or HTML inline in a paragraph, heading or table cell. Text in code spans
/// and code blocks is no HTML, so an example written there ignores nothing.</summary>
internal static class HtmlComments
{
    public static void ReadIgnores(string text, TextSpan html, List<IgnoreComment> ignores)
    {
        var pos = html.Start;
        while (pos < html.End)
        {
            var open = text.AsSpan(pos, html.End - pos).IndexOf("<!--", StringComparison.Ordinal);
            if (open < 0) return;
            var contentStart = pos + open + 4;
            var close = text.AsSpan(contentStart, html.End - contentStart).IndexOf("-->", StringComparison.Ordinal);
            var contentEnd = close < 0 ? html.End : contentStart + close;
            ignores.AddRange(IgnoreComments.In(text, contentStart, contentEnd));
            pos = close < 0 ? html.End : contentEnd + 3;
        }
    }
}
