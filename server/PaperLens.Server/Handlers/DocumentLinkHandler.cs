using PaperLens.Core.Features;
using PaperLens.Server.Protocol;
using PaperLens.Server.Session;

namespace PaperLens.Server.Handlers;

/// <summary>Every citation with a valid id (pandoc keys resolved) links to its abs page — the version
/// cited, when one is pinned — with the title as tooltip when the catalog knows it.</summary>
public static class DocumentLinkHandler
{
    public static IReadOnlyList<DocumentLink> Handle(Snapshot snapshot, DocumentLinkParams request)
    {
        if (snapshot.Document(request.TextDocument) is not { } document) return [];
        var citations = snapshot.Index.Resolved(document).Where(c => c.Id is not null).ToList();
        var known = snapshot.Papers.FindMany(citations.Select(c => c.Id!));
        return citations
            .Select(c => new DocumentLink(
                snapshot.Range(document, c.Span),
                "https://arxiv.org/abs/" + c.Id!.WithVersion(c.Version),
                known.TryGetValue(c.Id!, out var paper) ? ShortTitle.Plain(paper.Title) : null))
            .ToList();
    }
}
