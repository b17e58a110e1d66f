using System.Text.Json;
using PaperLens.Server.Handlers;
using PaperLens.Server.Protocol;
using PaperLens.Server.Session;
using StreamJsonRpc;

namespace PaperLens.Server;

// Read-only requests: a snapshot is taken in dispatch order, the work runs on the thread pool, and
// StreamJsonRpc cancels the token on $/cancelRequest. An exception becomes an error response.
public sealed partial class LanguageServer
{
    [JsonRpcMethod("textDocument/hover", UseSingleObjectParameterDeserialization = true)]
    public Task<Hover?> Hover(TextDocumentPositionParams request, CancellationToken cancellationToken) =>
        Read(snapshot => HoverHandler.Handle(snapshot, request), cancellationToken);

    [JsonRpcMethod("textDocument/definition", UseSingleObjectParameterDeserialization = true)]
    public Task<Location?> Definition(TextDocumentPositionParams request, CancellationToken cancellationToken) =>
        Read(snapshot => DefinitionHandler.Handle(snapshot, request), cancellationToken);

    [JsonRpcMethod("paperlens/abstract", UseSingleObjectParameterDeserialization = true)]
    public Task<AbstractResult?> Abstract(AbstractParams request, CancellationToken cancellationToken) =>
        Read(snapshot => DefinitionHandler.Abstract(snapshot, request.Id), cancellationToken);

    [JsonRpcMethod("textDocument/diagnostic", UseSingleObjectParameterDeserialization = true)]
    public Task<FullDocumentDiagnosticReport> Diagnostic(DocumentDiagnosticParams request, CancellationToken cancellationToken) =>
        Read(snapshot => DiagnosticsHandler.Pull(snapshot, request), cancellationToken);

    [JsonRpcMethod("workspace/executeCommand", UseSingleObjectParameterDeserialization = true)]
    public async Task<object?> ExecuteCommand(ExecuteCommandParams request, CancellationToken cancellationToken)
    {
        if (request.Command != CheckWorkspaceCommand)
            throw new LocalRpcException($"unknown command '{request.Command}'") { ErrorCode = LspErrorCodes.InvalidRequest };
        if (Indexing is { } indexing) await indexing.WaitAsync(cancellationToken).ConfigureAwait(false);
        _diagnostics?.Schedule();
        return await Read(snapshot => WorkspaceCheckHandler.Handle(snapshot), cancellationToken).ConfigureAwait(false);
    }

    private Task<T> Read<T>(Func<Snapshot, T> handler, CancellationToken cancellationToken)
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
