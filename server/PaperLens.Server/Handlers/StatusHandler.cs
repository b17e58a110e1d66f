using PaperLens.Core.Index;
using PaperLens.Server.Protocol;
using PaperLens.Server.Session;

namespace PaperLens.Server.Handlers;

/// <summary><c>paperlens/status</c>: how much of the workspace is indexed, for a status bar. It counts
/// what <c>paperlens check</c> counts, the files in the workspace folders (open ones with their unsaved
/// text), and not the other documents the editor has open.</summary>
public static class StatusHandler
{
    public static ServerStatus Handle(WorkspaceIndex index, IReadOnlyList<string> folders, bool indexing, ServerSettings settings)
    {
        var documents = index.Documents.Values.Where(d => WorkspaceFolders.Contain(folders, d.Path)).ToList();
        return new(indexing, documents.Count, documents.Sum(d => d.Scan.Citations.Count), settings.Offline, Path.GetFullPath(settings.CatalogPath));
    }
}
