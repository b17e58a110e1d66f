namespace PaperLens.Core.Citations;

/// <summary>Where a comment may be added beside a line without changing what the document says.</summary>
public enum CommentPlacement
{
    /// <summary>On a line of its own before it: a line comment in code, <c>%</c> in LaTeX.</summary>
    LineBefore,
    /// <summary>On a line of its own before it where it starts a block after a blank line, else at its end:
    /// in Markdown prose a comment line would split the paragraph, list or table it stood in.</summary>
    LineBeforeBlockStart,
    /// <summary>On a line of its own before the BibTeX entry holding it: text between entries is a comment,
    /// text inside one never is.</summary>
    BeforeEntry,
}

/// <summary>How a comment is written in a stretch of a document, so that a <c>paperlens-ignore</c> comment
/// (spec §5) can be added there: what opens and closes it, and where it may stand.</summary>
public sealed record CommentStyle(string Open, string Close, CommentPlacement Placement)
{
    public static readonly CommentStyle Hash = new("# ", "", CommentPlacement.LineBefore);
    public static readonly CommentStyle DoubleSlash = new("// ", "", CommentPlacement.LineBefore);
    public static readonly CommentStyle DoubleDash = new("-- ", "", CommentPlacement.LineBefore);
    public static readonly CommentStyle Percent = new("% ", "", CommentPlacement.LineBefore);
    public static readonly CommentStyle Html = new("<!-- ", " -->", CommentPlacement.LineBeforeBlockStart);
    /// <summary>An HTML comment on the line before: before a Markdown reference definition, which a
    /// comment at its end would turn into a paragraph.</summary>
    public static readonly CommentStyle HtmlLine = new("<!-- ", " -->", CommentPlacement.LineBefore);
    public static readonly CommentStyle Bibtex = new("% ", "", CommentPlacement.BeforeEntry);

    /// <summary>The comment holding <paramref name="content"/>.</summary>
    public string Write(string content) => Open + content + Close;
}
