using PaperLens.Core.Features;
using PaperLens.Core.Text;
using PaperLens.Server.Protocol;
using PaperLens.Server.Session;

namespace PaperLens.Server.Handlers;

/// <summary>The short title after each bare <c>arXiv:ID</c> in the requested range of an open
/// document, unless the <c>inlayHints</c> setting is false.</summary>
public static class InlayHintHandler
{
    public static IReadOnlyList<InlayHint> Handle(Snapshot snapshot, InlayHintParams request)
    {
        if (!snapshot.Settings.InlayHints) return [];
        if (snapshot.Document(request.TextDocument) is not { } document
            || snapshot.Offset(document, request.Range.Start) is not { } start
            || snapshot.Offset(document, request.Range.End) is not { } end
            || end < start)
            return [];
        return TitleHints.For(snapshot.Index.Resolved(document), TextSpan.FromBounds(start, end), snapshot.Papers)
            .Select(h => new InlayHint(snapshot.Range(document, new TextSpan(h.Position, 0)).Start, h.Label, PaddingLeft: true, h.Title))
            .ToList();
    }
}
