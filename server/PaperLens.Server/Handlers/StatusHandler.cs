using PaperLens.Core.Index;
using PaperLens.Server.Protocol;
using PaperLens.Server.Session;

namespace PaperLens.Server.Handlers;

/// <summary><c>paperlens/status</c>: how much of the workspace is indexed, for a status bar.</summary>
public static class StatusHandler
{
    public static ServerStatus Handle(WorkspaceIndex index, bool indexing, ServerSettings settings) =>
        new(indexing, index.Documents.Count, index.Documents.Values.Sum(d => d.Scan.Citations.Count), settings.Offline, Path.GetFullPath(settings.CatalogPath));
}
