using PaperLens.Core.Catalog;
using PaperLens.Core.Features;
using PaperLens.Server.Protocol;
using PaperLens.Server.Session;
using PaperLens.Server.Transport;

namespace PaperLens.Server.Handlers;

/// <summary>Go to definition where <see cref="Core.Analysis.Definition"/> lands: a pandoc key's .bib
/// entry, or "go to abstract", the paper's abstract document, written by <see cref="AbstractFiles"/>
/// where every client can open it.</summary>
public static class DefinitionHandler
{
    public static Location? Handle(Snapshot snapshot, TextDocumentPositionParams request)
    {
        if (snapshot.Cursor(request) is not var (document, offset)) return null;
        return snapshot.Analysis.Definition(document.Path, offset) switch
        {
            DefinitionTarget.BibEntry entry => snapshot.Location(entry.Bibliography, entry.KeySpan),
            DefinitionTarget.Abstract { Paper: var paper } =>
                new Location(Written(snapshot, AbstractDocument.Page(paper, snapshot.Now)), new Protocol.Range(new Position(0, 0), new Position(0, 0))),
            _ => null,
        };
    }

    /// <summary><c>paperlens/abstract</c>: the abstract document of a paper named by its id.</summary>
    public static AbstractResult? Abstract(Snapshot snapshot, string id) =>
        snapshot.Analysis.Abstract(id) is { } paper ? Abstract(snapshot, paper) : null;

    /// <summary>The paper's abstract document, written where the client can open it.</summary>
    internal static AbstractResult Abstract(Snapshot snapshot, PaperRecord paper)
    {
        var page = AbstractDocument.Page(paper, snapshot.Now);
        return new AbstractResult(page.Id.Canonical, Written(snapshot, page), page.Markdown);
    }

    private static string Written(Snapshot snapshot, AbstractPage page) => DocumentUri.FromPath(snapshot.Abstracts.Write(page));
}
