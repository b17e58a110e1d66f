using PaperLens.Server.Handlers;
using PaperLens.Server.Protocol;
using PaperLens.Server.Session;
using PaperLens.Server.Transport;
using StreamJsonRpc;

namespace PaperLens.Server;

// Read-only requests (LspMethodKind.Read): a snapshot is taken in dispatch order, the work runs on the
// thread pool, and StreamJsonRpc cancels the token on $/cancelRequest. The workspace check waits for
// indexing before it takes its snapshot.
public sealed partial class LanguageServer
{
    public async Task<WorkspaceCheckSummary?> ExecuteCommand(ExecuteCommandParams request, CancellationToken cancellationToken)
    {
        if (request.Command == AddToBibliographyCommand)
        {
            await AddToBibliographyAsync(request.Arguments ?? [], cancellationToken).ConfigureAwait(false);
            return null;
        }
        if (request.Command != CheckWorkspaceCommand)
            throw new LocalRpcException($"unknown command '{request.Command}'") { ErrorCode = LspErrorCodes.InvalidRequest };
        if (Indexing is { } indexing) await indexing.WaitAsync(cancellationToken).ConfigureAwait(false);
        _diagnostics?.Schedule();
        return await Read(snapshot => WorkspaceCheckHandler.Handle(snapshot), cancellationToken).ConfigureAwait(false);
    }

    // The edit goes through workspace/applyEdit: a completion item's own edits cannot touch another file.
    // Indexing is awaited first, so that the .bib files and their keys are known when the file is chosen.
    private async Task AddToBibliographyAsync(IReadOnlyList<System.Text.Json.JsonElement> arguments, CancellationToken cancellationToken)
    {
        static string? Text(IReadOnlyList<System.Text.Json.JsonElement> arguments, int i) =>
            i < arguments.Count && arguments[i].ValueKind == System.Text.Json.JsonValueKind.String ? arguments[i].GetString() : null;
        if (Text(arguments, 0) is not { } id || Text(arguments, 1) is not { } uri)
            throw new LocalRpcException($"{AddToBibliographyCommand} takes a paper id and a document URI") { ErrorCode = LspErrorCodes.InvalidParams };
        if (Indexing is { } indexing) await indexing.WaitAsync(cancellationToken).ConfigureAwait(false);
        var edit = await Read(snapshot => BibliographyHandler.Addition(snapshot, uri, id, Text(arguments, 2)), cancellationToken).ConfigureAwait(false);
        if (edit is not { } addition || _rpc is not { IsDisposed: false } rpc) return;
        var result = await rpc.SendRequestAsync("workspace/applyEdit", new ApplyWorkspaceEditParams(addition.Label, addition.Edit), LspJson.Context.ApplyWorkspaceEditParams, LspJson.Context.ApplyWorkspaceEditResult, cancellationToken).ConfigureAwait(false);
        if (result?.Applied != true) Log(2, $"the client did not add {id} to the bibliography: {result?.FailureReason ?? "no reason given"}");
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
