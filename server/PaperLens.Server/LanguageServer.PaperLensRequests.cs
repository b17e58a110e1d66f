using PaperLens.Server.Handlers;
using PaperLens.Server.Protocol;
using PaperLens.Server.Transport;

namespace PaperLens.Server;

// PaperLens's own requests and notifications (Protocol/PaperLensRequests.cs), for editor commands
// and status displays that LSP has no method for.
public sealed partial class LanguageServer
{
    public ServerStatus Status() => StatusHandler.Handle(_index, _roots, Indexing is { IsCompleted: false }, _settings!);

    /// <summary>Tells the client the status changed, so that it need not poll.</summary>
    internal void NotifyStatus(bool indexing)
    {
        if (_settings is null || _rpc is not { IsDisposed: false } rpc) return;
        _ = rpc.SendNotificationAsync("paperlens/statusChanged", StatusHandler.Handle(_index, _roots, indexing, _settings), LspJson.Context.ServerStatus);
    }
}
