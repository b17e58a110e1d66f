using System.Text;
using Markdig.Syntax;
using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning.Markdown;

/// <summary>Something in a block that points somewhere: a Markdown link or image, an autolink or a raw
/// HTML anchor. A link citation's id is read from its destination; its claim from its title or text.</summary>
internal sealed class LinkSite
{
    /// <summary>The whole construct as written, from <c>[</c> or <c>&lt;a</c> to its end.</summary>
    public required TextSpan Whole { get; set; }

    /// <summary>The destination as written; null for a reference-style link, whose destination is
    /// its definition's (the definition is the citation, not each use of it).</summary>
    public TextSpan? Destination { get; init; }

    public LinkReferenceDefinition? Reference { get; init; }

    /// <summary>The text is a shortcut reference's label or an autolink's URL: never a claim (spec §2).</summary>
    public bool TextIsLabel { get; init; }

    public bool IsAnchor { get; init; }

    public string? Title { get; init; }

    /// <summary>The title attribute's text without its quotes.</summary>
    public TextSpan TitleSpan { get; init; }

    /// <summary>The link text as rendered (markup removed), collected while walking the link's children.</summary>
    public StringBuilder PlainText { get; } = new();

    /// <summary>Source range of the link text: from the first to the last piece of it.</summary>
    public TextSpan? TextRange { get; private set; }

    /// <summary>Set once the destination (or the referenced definition's) holds a citation: a citation
    /// written again in the link text is then the same citation, not a second one.</summary>
    public bool Cites { get; set; }

    public void ExtendText(int start, int end) =>
        TextRange = TextRange is { } range
            ? TextSpan.FromBounds(Math.Min(range.Start, start), Math.Max(range.End, end))
            : TextSpan.FromBounds(start, end);
}
