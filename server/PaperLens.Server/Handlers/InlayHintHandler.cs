using PaperLens.Core.Text;
using PaperLens.Server.Protocol;
using PaperLens.Server.Session;

namespace PaperLens.Server.Handlers;

/// <summary>textDocument/inlayHint: <see cref="Core.Analysis.InlayHints"/> for the requested range of
/// an open document, unless the <c>inlayHints</c> setting turns them off.</summary>
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
        return snapshot.Analysis.InlayHints(document.Path, TextSpan.FromBounds(start, end))
            .Select(h => new InlayHint(snapshot.Range(document, new TextSpan(h.Position, 0)).Start, h.Label, PaddingLeft: true, h.Title))
            .ToList();
    }
}
