using System.Net;
using Markdig.Syntax;
using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning.Markdown;

/// <summary>The layout of an HTML block: its anchors as links, the text between tags as text (inside
/// an anchor: that anchor's text), comments, scripts and styles as neither.</summary>
internal static class HtmlLayoutReader
{
    public static BlockLayout Read(HtmlBlock block, string text)
    {
        var layout = new BlockLayout(allowsCiteKeys: false);
        var start = Math.Clamp(block.Span.Start, 0, text.Length);
        var end = Math.Clamp(block.Span.End + 1, start, text.Length);
        foreach (var line in SourceLines.Of(block, text)) layout.Lines.Add(line);

        var anchor = -1;
        var segmentStart = start;
        var pos = start;
        while (pos < end)
        {
            var open = text.IndexOf('<', pos, end - pos);
            if (open < 0) break;
            if (!HtmlTagReader.TryRead(text, open, end, out var tag)) { pos = open + 1; continue; }
            AddText(layout, text, segmentStart, open, anchor);
            pos = tag.End;
            if (tag.IsAnchorStart)
            {
                Close(layout, anchor, open);
                anchor = Open(layout, tag, text);
            }
            else if (tag.IsAnchorEnd && anchor >= 0)
            {
                Close(layout, anchor, tag.End);
                anchor = -1;
            }
            else if (!tag.IsClosing && tag.Name.ToLowerInvariant() is "script" or "style")
            {
                var close = text.IndexOf("</" + tag.Name, pos, end - pos, StringComparison.OrdinalIgnoreCase);
                pos = close < 0 ? end : close;
            }
            segmentStart = pos;
        }
        AddText(layout, text, segmentStart, end, anchor);
        Close(layout, anchor, end);
        foreach (var site in layout.Sites) Decode(site);
        return layout;
    }

    /// <summary>Opens an anchor met as a tag: used for HTML blocks and for inline HTML alike.</summary>
    public static int Open(BlockLayout layout, HtmlTag tag, string text)
    {
        layout.Sites.Add(new LinkSite
        {
            Whole = TextSpan.FromBounds(tag.Start, tag.End),
            Destination = tag.Href,
            IsAnchor = true,
            Title = tag.Title is { } title ? WebUtility.HtmlDecode(text.Substring(title.Start, title.Length)) : null,
            TitleSpan = tag.Title ?? default,
        });
        return layout.Sites.Count - 1;
    }

    public static void Close(BlockLayout layout, int anchor, int end)
    {
        if (anchor < 0) return;
        var site = layout.Sites[anchor];
        site.Whole = TextSpan.FromBounds(site.Whole.Start, Math.Max(site.Whole.End, end));
    }

    private static void AddText(BlockLayout layout, string text, int start, int end, int anchor)
    {
        if (end <= start) return;
        layout.AddZone(start, end, anchor, isCode: false);
        if (anchor < 0) return;
        var site = layout.Sites[anchor];
        site.PlainText.Append(text, start, end - start).Append(' ');
        site.ExtendText(start, end);
    }

    // Anchor text is HTML: entities decode to the characters a reader sees.
    private static void Decode(LinkSite site)
    {
        var decoded = WebUtility.HtmlDecode(site.PlainText.ToString());
        site.PlainText.Clear().Append(decoded);
    }
}
