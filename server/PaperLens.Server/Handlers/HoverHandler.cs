using PaperLens.Core.Features;
using PaperLens.Server.Protocol;
using PaperLens.Server.Session;

namespace PaperLens.Server.Handlers;

public static class HoverHandler
{
    public static Hover? Handle(Snapshot snapshot, TextDocumentPositionParams request)
    {
        if (snapshot.CitationAt(request) is not ({ } document, { } citation)) return null;

        string markdown;
        if (citation.IsMalformed) markdown = PaperHover.ForMalformed(citation);
        else if (citation.Id is null) markdown = PaperHover.ForUnresolvedKey(citation);
        else if (snapshot.Papers.Find(citation.Id) is { } paper)
            markdown = PaperHover.ForPaper(paper, citation, snapshot.Index.CitationsOf(citation.Id).Count(), snapshot.Now);
        else markdown = PaperHover.ForUnknown(citation, snapshot.Papers.IsConfirmedMiss(citation.Id));

        return new Hover(MarkupContent.Markdown(markdown), snapshot.Range(document, citation.Span));
    }
}
