using PaperLens.Server.Protocol;
using PaperLens.Server.Session;

namespace PaperLens.Server.Handlers;

/// <summary>The cited papers (<see cref="Core.Analysis.WorkspaceSymbols"/>) as workspace symbols. Kind
/// Constant (14): a paper is a fixed value named by its id and referred to from many places, never
/// defined by the workspace — neither a type, nor code, nor a file to open; the container is "first
/// author year", as a reader names it.</summary>
public static class WorkspaceSymbolHandler
{
    public const int PaperSymbolKind = 14;

    public static IReadOnlyList<SymbolInformation> Handle(Snapshot snapshot, WorkspaceSymbolParams request, CancellationToken cancellationToken) =>
        snapshot.Analysis.WorkspaceSymbols(request.Query ?? "", cancellationToken)
            .Select(s => new SymbolInformation(s.Name, PaperSymbolKind, snapshot.Location(s.Document, s.FirstCitation.Span), s.Container))
            .ToList();
}
