using PaperLens.Server.Protocol;
using PaperLens.Server.Session;
using PaperLens.Server.Transport;

namespace PaperLens.Server.Handlers;

/// <summary><c>paperlens/searchPapers</c>: <see cref="Core.Analysis.SearchPapers"/>, each paper with the
/// text that cites it in the requesting document.</summary>
public static class PaperSearchHandler
{
    public static IReadOnlyList<PaperSearchItem> Handle(Snapshot snapshot, SearchPapersParams request)
    {
        var path = request.TextDocument is { } document ? snapshot.Path(document.Uri) : null;
        return snapshot.Analysis.SearchPapers(request.Query ?? "", request.Limit, path)
            .Select(p => new PaperSearchItem(p.Id.Canonical, p.Title, p.Authors, p.Year, p.CitationText))
            .ToList();
    }
}
