using PaperLens.Server.Handlers;
using PaperLens.Server.Protocol;
using PaperLens.Server.Session;
using StreamJsonRpc;

namespace PaperLens.Server;

// Read-only requests (LspMethodKind.Read): a snapshot is taken in dispatch order, the work runs on the
// thread pool, and StreamJsonRpc cancels the token on $/cancelRequest. The workspace check waits for
// indexing before it takes its snapshot.
public sealed partial class LanguageServer
{
    public async Task<WorkspaceCheckSummary?> ExecuteCommand(ExecuteCommandParams request, CancellationToken cancellationToken)
    {
        if (request.Command != CheckWorkspaceCommand)
            throw new LocalRpcException($"unknown command '{request.Command}'") { ErrorCode = LspErrorCodes.InvalidRequest };
        if (Indexing is { } indexing) await indexing.WaitAsync(cancellationToken).ConfigureAwait(false);
        _diagnostics?.Schedule();
        return await Read(snapshot => WorkspaceCheckHandler.Handle(snapshot), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A read request: a snapshot taken now, in dispatch order, and the handler run on the thread pool.</summary>
    internal Task<T> Read<T>(Func<Snapshot, T> handler, CancellationToken cancellationToken)
    {
        var snapshot = TakeSnapshot();
        var read = Task.Run(() =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            return handler(snapshot);
        }, cancellationToken);
        // However the read ends, cancelled before it started included, its catalog lease is returned.
        _ = read.ContinueWith(_ => snapshot.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return read;
    }
}
