using PaperLens.Core.Features;
using PaperLens.Server.Protocol;
using PaperLens.Server.Session;

namespace PaperLens.Server.Handlers;

/// <summary>textDocument/hover: the snapshot's <see cref="Core.Analysis.Hover"/>, told what the
/// background arXiv lookups are doing, rendered by <see cref="PaperHover.Render"/>.</summary>
public static class HoverHandler
{
    public static Hover? Handle(Snapshot snapshot, TextDocumentPositionParams request)
    {
        if (snapshot.Cursor(request) is not var (document, offset)
            || snapshot.Analysis.Hover(document.Path, offset, snapshot.Fetches) is not { } hover)
            return null;
        return new Hover(MarkupContent.Markdown(PaperHover.Render(hover.Content, snapshot.Now)), snapshot.Range(document, hover.Span));
    }
}
