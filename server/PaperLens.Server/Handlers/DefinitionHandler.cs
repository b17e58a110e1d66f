using PaperLens.Core.Catalog;
using PaperLens.Core.Citations;
using PaperLens.Core.Features;
using PaperLens.Core.Identifiers;
using PaperLens.Server.Protocol;
using PaperLens.Server.Session;
using PaperLens.Server.Transport;

namespace PaperLens.Server.Handlers;

/// <summary>"Go to abstract": a citation's definition is a Markdown document with the paper's full
/// record, written under the cache directory so that every client can open it; a pandoc key's
/// definition is its .bib entry.</summary>
public static class DefinitionHandler
{
    public static Location? Handle(Snapshot snapshot, TextDocumentPositionParams request)
    {
        if (snapshot.CitationAt(request) is not (_, { } citation)) return null;

        if (citation.Form == CitationForm.CiteKey && BibEntryOf(snapshot, citation) is { } entry) return entry;
        if (citation.Id is null || snapshot.Papers.Find(citation.Id) is not { } paper) return null;
        var path = Write(paper, snapshot);
        return new Location(DocumentUri.FromPath(path), new Protocol.Range(new Position(0, 0), new Position(0, 0)));
    }

    public static AbstractResult? Abstract(Snapshot snapshot, string id)
    {
        if (ArxivIdParser.Parse(id).Id is not { } parsed || snapshot.Papers.Find(parsed) is not { } paper) return null;
        var path = Write(paper, snapshot);
        return new AbstractResult(paper.Id.Canonical, DocumentUri.FromPath(path), AbstractDocument.Render(paper, snapshot.Now));
    }

    private static Location? BibEntryOf(Snapshot snapshot, Citation citation)
    {
        foreach (var document in snapshot.Index.Documents.Values)
        {
            foreach (var entry in document.Scan.BibEntries)
            {
                if (entry.Key == citation.CiteKey) return snapshot.Location(document, entry.KeySpan);
            }
        }
        return null;
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
