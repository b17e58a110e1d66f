using PaperLens.Server.Protocol;
using PaperLens.Server.Session;

namespace PaperLens.Server.Handlers;

/// <summary><c>paperlens/abstractAt</c>: the abstract of the paper cited under the cursor, for an
/// editor command that has a position but no id; null when no known paper is cited there.</summary>
public static class AbstractAtHandler
{
    public static AbstractResult? Handle(Snapshot snapshot, TextDocumentPositionParams request) =>
        snapshot.Cursor(request) is var (document, offset) && snapshot.Analysis.AbstractAt(document.Path, offset) is { } paper
            ? DefinitionHandler.Abstract(snapshot, paper)
            : null;
}
