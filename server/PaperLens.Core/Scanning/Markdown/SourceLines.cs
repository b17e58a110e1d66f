using Markdig.Syntax;
using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning.Markdown;

/// <summary>The source ranges of a leaf block's lines, as Markdig kept them: without container prefixes.</summary>
internal static class SourceLines
{
    public static IEnumerable<TextSpan> Of(LeafBlock block, string text)
    {
        var lines = block.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            var slice = lines.Lines[i].Slice;
            // Offsets mean something only while Markdig still slices the document's own string.
            if (!ReferenceEquals(slice.Text, text)) yield break;
            var start = Math.Clamp(slice.Start, 0, text.Length);
            yield return TextSpan.FromBounds(start, Math.Clamp(slice.End + 1, start, text.Length));
        }
    }

    /// <summary>A link title's range without its delimiters: Markdig's title span includes the quotes
    /// or parentheses around it.</summary>
    public static TextSpan WithoutDelimiters(string text, TextSpan title) =>
        title.Length >= 2 && text[title.Start] is '"' or '\'' or '(' && text[title.End - 1] is '"' or '\'' or ')'
            ? new TextSpan(title.Start + 1, title.Length - 2)
            : title;

    /// <summary>A Markdig span (inclusive end) as a range inside the text, or null when it has none.</summary>
    public static TextSpan? ToRange(SourceSpan span, int textLength) =>
        span.Start >= 0 && span.End >= span.Start && span.End < textLength ? TextSpan.FromBounds(span.Start, span.End + 1) : null;
}
