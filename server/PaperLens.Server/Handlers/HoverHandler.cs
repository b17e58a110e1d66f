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
        else if (snapshot.Papers.IsConfirmedMiss(citation.Id)) markdown = PaperHover.ForUnknown(citation, confirmedMiss: true);
        else markdown = PaperHover.ForUnknown(citation, confirmedMiss: false) + LookupNote(snapshot, citation.Id);

        return new Hover(MarkupContent.Markdown(markdown), snapshot.Range(document, citation.Span));
    }

    /// <summary>What is being done about a paper the catalog lacks: the hover answers at once, and says
    /// whether asking again later will show more.</summary>
    private static string LookupNote(Snapshot snapshot, ArxivId id)
    {
        if (snapshot.Fetches is not { } fetches) return "\n\n_Offline: PaperLens makes no arXiv requests._";
        if (fetches.IsPending(id)) return "\n\n_Looking it up on arXiv…_";
        if (fetches.HasFailed(id)) return "\n\n_The arXiv lookup failed; PaperLens will try again later._";
        return "";
    }
}
