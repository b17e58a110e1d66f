using PaperLens.Core.Catalog;
using PaperLens.Core.Features;
using PaperLens.Core.Identifiers;
using PaperLens.Server.Protocol;
using PaperLens.Server.Session;
using PaperLens.Server.Transport;

namespace PaperLens.Server.Handlers;

/// <summary>Go to definition where <see cref="CitationDefinition"/> decides: a pandoc key's .bib entry,
/// or "go to abstract", a Markdown document with the paper's full record, written under the cache
/// directory so that every client can open it.</summary>
public static class DefinitionHandler
{
    public static Location? Handle(Snapshot snapshot, TextDocumentPositionParams request)
    {
        if (snapshot.Document(request.TextDocument) is not { } document || snapshot.Offset(document, request.Position) is not { } offset) return null;
        return CitationDefinition.At(snapshot.Index, snapshot.Papers, document, offset) switch
        {
            DefinitionTarget.BibEntry entry => snapshot.Location(entry.Bibliography, entry.KeySpan),
            DefinitionTarget.Abstract { Paper: var paper } =>
                new Location(DocumentUri.FromPath(Write(paper, snapshot)), new Protocol.Range(new Position(0, 0), new Position(0, 0))),
            _ => null,
        };
    }

    public static AbstractResult? Abstract(Snapshot snapshot, string id)
    {
        if (ArxivIdParser.Parse(id).Id is not { } parsed || snapshot.Papers.Find(parsed) is not { } paper) return null;
        var path = Write(paper, snapshot);
        return new AbstractResult(paper.Id.Canonical, DocumentUri.FromPath(path), AbstractDocument.Render(paper, snapshot.Now));
    }

    private static string Write(PaperRecord paper, Snapshot snapshot)
    {
        var now = snapshot.Now;
        var directory = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(snapshot.Settings.CatalogPath))!, "abstracts");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, paper.Id.Canonical.Replace('/', '_') + ".md");
        var text = AbstractDocument.Render(paper, now);
        // Written to a temporary file and moved, so a client never opens half a document.
        var temporary = path + "." + Environment.ProcessId + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
        return path;
    }
}
