using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PaperLens.Core.Text;

namespace PaperLens.Core.Scanning.Markdown;

/// <summary>The layout of a paragraph or heading, read from Markdig's inline tree: links (with
/// their destination, title and text), literal text and code spans, raw HTML anchors, and the line
/// ranges between line breaks. The walk keeps its own stack: emphasis can nest as deep as the input.</summary>
internal sealed class InlineLayoutReader
{
    private readonly string _text;
    private readonly BlockLayout _layout = new(allowsCiteKeys: true);
    // Links whose text we are in, innermost last. A Markdown link is popped when its children are done,
    // an HTML anchor at its </a>.
    private readonly List<int> _owners = [];
    private int _lineStart = -1;
    private int _lineEnd = -1;

    private InlineLayoutReader(string text) => _text = text;

    public static BlockLayout Read(LeafBlock block, string text)
    {
        var reader = new InlineLayoutReader(text);
        if (block.Inline is { } root) reader.Walk(root);
        reader.EndLine(reader._lineEnd);
        return reader._layout;
    }

    // Every paragraph and heading is walked: one stack per thread, grown once, rather than one per block.
    // Popping clears each slot, so it holds no tree once a walk is done.
    [ThreadStatic] private static Stack<(Inline Node, bool Leaving)>? t_stack;

    private int Owner => _owners.Count > 0 ? _owners[^1] : -1;

    private void Walk(ContainerInline root)
    {
        var stack = t_stack ??= new Stack<(Inline Node, bool Leaving)>();
        stack.Clear();
        PushChildren(stack, root);
        while (stack.Count > 0)
        {
            var (node, leaving) = stack.Pop();
            if (leaving)
            {
                Leave(node);
                continue;
            }
            if (SourceLines.ToRange(node.Span, _text.Length) is not { } span) continue;
            if (node is not LineBreakInline)
            {
                if (_lineStart < 0) _lineStart = span.Start;
                _lineEnd = Math.Max(_lineEnd, span.End);
            }
            if (Enter(node, span) && node is ContainerInline container)
            {
                stack.Push((node, true));
                PushChildren(stack, container);
            }
        }
    }

    // Last child first, so that the first is popped first.
    private static void PushChildren(Stack<(Inline, bool)> stack, ContainerInline container)
    {
        for (var child = container.LastChild; child is not null; child = child.PreviousSibling) stack.Push((child, false));
    }

    /// <returns>Whether to walk the node's children.</returns>
    private bool Enter(Inline node, TextSpan span)
    {
        switch (node)
        {
            case LinkInline { IsAutoLink: true }:
            case AutolinkInline { IsEmail: false }:
                _layout.Sites.Add(new LinkSite { Whole = span, Destination = span, TextIsLabel = true });
                return false;
            case AutolinkInline:
                return false;
            case LinkInline link:
                _layout.Sites.Add(Link(link, span));
                _owners.Add(_layout.Sites.Count - 1);
                return true;
            case HtmlInline:
                Html(span);
                return false;
            case LiteralInline literal:
                Text(span, literal.Content.AsSpan(), isCode: false);
                return false;
            case CodeInline code:
                Text(span, code.Content, isCode: true);
                return false;
            case HtmlEntityInline entity:
                AppendToOwner(span, entity.Transcoded.AsSpan());
                return false;
            case LineBreakInline:
                AppendToOwner(null, " ");
                EndLine(span.Start);
                return false;
            default:
                return true;
        }
    }

    private void Leave(Inline node)
    {
        if (node is not LinkInline) return;
        // The link is the innermost owner that is no anchor; anchors opened in its text and never
        // closed end with it.
        while (_owners.Count > 0)
        {
            var owner = _owners[^1];
            _owners.RemoveAt(_owners.Count - 1);
            if (!_layout.Sites[owner].IsAnchor) break;
        }
    }

    private LinkSite Link(LinkInline link, TextSpan span)
    {
        if (link.Reference is { } definition)
            return new LinkSite
            {
                Whole = span,
                Reference = definition,
                TextIsLabel = link.IsShortcut,
                Cites = SourceLines.ToRange(link.UrlSpan, _text.Length) is { } target
                    && TextCitationFinder.FindIds(_text, target.Start, target.End).Any(),
            };
        var destination = SourceLines.ToRange(link.UrlSpan, _text.Length);
        var title = SourceLines.ToRange(link.TitleSpan, _text.Length);
        var hasTitle = title is not null && !string.IsNullOrWhiteSpace(link.Title);
        return new LinkSite
        {
            Whole = span,
            Destination = destination is { } d && d.Start >= span.Start && d.End <= span.End ? d : null,
            Title = hasTitle ? link.Title : null,
            TitleSpan = hasTitle ? SourceLines.WithoutDelimiters(_text, title!.Value) : default,
        };
    }

    private void Html(TextSpan span)
    {
        if (!HtmlTagReader.TryRead(_text, span.Start, span.End, out var tag)) return;
        if (tag.IsAnchorStart)
            _owners.Add(HtmlLayoutReader.Open(_layout, tag, _text));
        else if (tag.IsAnchorEnd && Owner >= 0 && _layout.Sites[Owner].IsAnchor)
        {
            HtmlLayoutReader.Close(_layout, Owner, tag.End);
            _owners.RemoveAt(_owners.Count - 1);
        }
    }

    // Content as a span: most text lies outside any link, and is then not copied at all.
    private void Text(TextSpan span, ReadOnlySpan<char> content, bool isCode)
    {
        _layout.AddZone(span.Start, span.End, Owner, isCode);
        AppendToOwner(span, content);
    }

    private void AppendToOwner(TextSpan? span, ReadOnlySpan<char> content)
    {
        if (Owner < 0) return;
        var site = _layout.Sites[Owner];
        site.PlainText.Append(content);
        if (span is { } s) site.ExtendText(s.Start, s.End);
        if (site.IsAnchor) site.Whole = TextSpan.FromBounds(site.Whole.Start, Math.Max(site.Whole.End, span?.End ?? 0));
    }

    private void EndLine(int end)
    {
        if (_lineStart >= 0 && end >= _lineStart) _layout.Lines.Add(TextSpan.FromBounds(_lineStart, end));
        _lineStart = -1;
        _lineEnd = -1;
    }
}
