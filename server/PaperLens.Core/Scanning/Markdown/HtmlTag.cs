using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning.Markdown;

/// <summary>One HTML tag as written: <c>&lt;a href=…&gt;</c>, <c>&lt;/a&gt;</c>, or markup that is no
/// element (a comment, a declaration), which has an empty <see cref="Name"/>.</summary>
internal readonly record struct HtmlTag(int Start, int End, string Name, bool IsClosing, TextSpan? Href, TextSpan? Title)
{
    public bool IsAnchorStart => !IsClosing && Name.Equals("a", StringComparison.OrdinalIgnoreCase);

    public bool IsAnchorEnd => IsClosing && Name.Equals("a", StringComparison.OrdinalIgnoreCase);
}
