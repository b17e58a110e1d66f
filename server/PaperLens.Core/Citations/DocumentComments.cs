using PaperLens.Core.Text;

namespace PaperLens.Core.Citations;

/// <summary>How comments are written across a document (<see cref="CommentStyle"/>): the document's own
/// style, and the stretches written in another (a Markdown code block, front matter). Set by the scanner
/// that read the document, which knows its syntax; <see cref="None"/> where no comment can be added (a
/// notebook's JSON).</summary>
public sealed record DocumentComments(CommentStyle? Style, IReadOnlyList<(TextSpan Span, CommentStyle Style)> Stretches)
{
    public static readonly DocumentComments None = new(null, []);

    public static DocumentComments Whole(CommentStyle style) => new(style, []);

    /// <summary>The style at <paramref name="offset"/>: the stretch's holding it, else the document's.</summary>
    public CommentStyle? At(int offset)
    {
        foreach (var (span, style) in Stretches)
            if (span.Start <= offset && offset < span.End) return style;
        return Style;
    }
}
