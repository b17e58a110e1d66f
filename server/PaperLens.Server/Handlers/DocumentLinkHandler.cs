using PaperLens.Server.Protocol;
using PaperLens.Server.Session;

namespace PaperLens.Server.Handlers;

/// <summary>textDocument/documentLink: <see cref="Core.Analysis.DocumentLinks"/>, each citation a link
/// to its abs page with the title as tooltip.</summary>
public static class DocumentLinkHandler
{
    public static IReadOnlyList<DocumentLink> Handle(Snapshot snapshot, DocumentLinkParams request)
    {
        if (snapshot.Document(request.TextDocument) is not { } document) return [];
        return snapshot.Analysis.DocumentLinks(document.Path)
            .Select(link => new DocumentLink(snapshot.Range(document, link.Span), link.Url, link.Tooltip))
            .ToList();
    }
}
