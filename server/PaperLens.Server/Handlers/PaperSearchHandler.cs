using PaperLens.Core.Completion;
using PaperLens.Core.Features;
using PaperLens.Core.Presentation;
using PaperLens.Core.Scanning;
using PaperLens.Server.Protocol;
using PaperLens.Server.Session;
using PaperLens.Server.Transport;

namespace PaperLens.Server.Handlers;

/// <summary><c>paperlens/searchPapers</c>: the catalog's ranked search (title, authors, id, year), each
/// paper with the text that cites it in the requesting document.</summary>
public static class PaperSearchHandler
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static IReadOnlyList<PaperSearchItem> Handle(Snapshot snapshot, SearchPapersParams request)
    {
        var limit = Math.Clamp(request.Limit ?? DefaultLimit, 1, MaxLimit);
        var markdown = request.TextDocument is { } document && DocumentUri.ToPath(document.Uri) is { } path && DocumentScanner.IsMarkdown(path);
        return snapshot.Papers.Search(request.Query ?? "", limit)
            .Select(paper => new PaperSearchItem(
                paper.Id.Canonical,
                ShortTitle.Plain(paper.Title),
                AuthorList.Short(paper.Authors),
                PaperDates.Submitted(paper)?.Year ?? paper.Id.Year,
                PaperCompletion.CitationText(paper, markdown)))
            .ToList();
    }
}
