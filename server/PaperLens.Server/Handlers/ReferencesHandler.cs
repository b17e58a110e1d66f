using PaperLens.Core.Citations;
using PaperLens.Server.Protocol;
using PaperLens.Server.Session;

namespace PaperLens.Server.Handlers;

/// <summary>Every place in the workspace citing the paper under the cursor, whatever the form (a
/// pandoc key counts as its .bib entry's paper). BibTeX entries are the declarations: left out when
/// the client asks without them.</summary>
public static class ReferencesHandler
{
    public static IReadOnlyList<Location>? Handle(Snapshot snapshot, ReferenceParams request)
    {
        if (snapshot.CitationAt(request) is not (_, { Id: { } id })) return null;
        var includeDeclaration = request.Context?.IncludeDeclaration ?? true;
        return snapshot.Index.CitationsOf(id)
            .Where(p => includeDeclaration || p.Citation.Role != CitationRole.BibEntry)
            .Select(p => snapshot.Location(p.Document, p.Citation.Span))
            .ToList();
    }
}
