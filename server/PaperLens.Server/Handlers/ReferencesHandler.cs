using PaperLens.Server.Protocol;
using PaperLens.Server.Session;

namespace PaperLens.Server.Handlers;

/// <summary>textDocument/references: <see cref="Core.Analysis.References"/> as locations; the client's
/// <c>includeDeclaration</c> (true when absent) says whether BibTeX entries count.</summary>
public static class ReferencesHandler
{
    public static IReadOnlyList<Location>? Handle(Snapshot snapshot, ReferenceParams request) =>
        snapshot.Cursor(request) is var (document, offset)
            ? snapshot.Analysis.References(document.Path, offset, request.Context?.IncludeDeclaration ?? true)
                ?.Select(place => snapshot.Location(place.Document, place.Span)).ToList()
            : null;
}
