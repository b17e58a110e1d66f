using PaperLens.Core.Features;
using PaperLens.Core.Identifiers;
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
        else markdown = PaperHover.ForUnknown(citation, Missing(snapshot, citation.Id));

        return new Hover(MarkupContent.Markdown(markdown), snapshot.Range(document, citation.Span));
    }

    /// <summary>What is being done about a paper the catalog lacks: the hover answers at once, and says
    /// whether asking again later will show more.</summary>
    private static MissingPaper Missing(Snapshot snapshot, ArxivId id)
    {
        if (snapshot.Papers.IsConfirmedMiss(id)) return MissingPaper.NotOnArxiv;
        if (snapshot.Fetches is not { } fetches) return MissingPaper.Offline;
        if (fetches.IsPending(id)) return MissingPaper.LookingUp;
        if (fetches.HasFailed(id)) return MissingPaper.LookupFailed;
        return MissingPaper.NotLookedUp;
    }
}
