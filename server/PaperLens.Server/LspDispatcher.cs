using System.Text.Json;
using PaperLens.Server.Protocol;
using StreamJsonRpc;

namespace PaperLens.Server;

/// <summary>Registers the dispatch table (<see cref="LspMethods"/>) with StreamJsonRpc and applies LSP
/// 3.17's lifecycle to every method, the same way: before <c>initialize</c> a request is answered
/// ServerNotInitialized and a notification dropped; after <c>shutdown</c> every request but <c>exit</c>
/// is InvalidRequest and notifications are ignored. No stack trace reaches the client: a handler's
/// failure is logged whole and answered InternalError with its message.</summary>
internal sealed class LspDispatcher(LanguageServer server, Action<string> log)
{
    private enum Phase
    {
        Uninitialized,
        Running,
        ShuttingDown,
    }

    // Read and written only on the dispatch context, one message at a time.
    private Phase _phase;

    /// <summary>Each row becomes a method taking its params as a JsonElement: StreamJsonRpc reads and
    /// writes nothing but JSON elements, and the rows' own types go through source-generated JSON.</summary>
    public void Register(JsonRpc rpc)
    {
        var invoke = typeof(Endpoint).GetMethod(nameof(Endpoint.InvokeAsync))!;
        foreach (var method in LspMethods.All)
            rpc.AddLocalRpcMethod(invoke, new Endpoint(this, method), new JsonRpcMethodAttribute(method.Name) { UseSingleObjectParameterDeserialization = true });
    }

    private async Task<JsonElement?> InvokeAsync(LspMethod method, JsonElement? parameters, CancellationToken cancellationToken)
    {
        if (Refusal(method.Name) is { } refusal) throw refusal;
        var running = method.InvokeAsync(server, parameters, cancellationToken);
        // Lifecycle handlers complete before they return, so the next message already meets the new phase.
        _phase = (_phase, method.Name) switch
        {
            (Phase.Uninitialized, LspMethods.Initialize) when running.IsCompletedSuccessfully => Phase.Running,
            (_, LspMethods.Shutdown) => Phase.ShuttingDown,
            _ => _phase,
        };
        try
        {
            return await running.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not LocalRpcException)
        {
            log($"{method.Name} failed: {ex}");
            throw new LocalRpcException($"{method.Name} failed: {ex.Message}") { ErrorCode = LspErrorCodes.InternalError };
        }
    }

    private LocalRpcException? Refusal(string method) => (_phase, method) switch
    {
        (_, LspMethods.Exit) => null,
        (Phase.Uninitialized, LspMethods.Initialize) => null,
        (Phase.Uninitialized, _) => new LocalRpcException("the server is not initialized yet") { ErrorCode = LspErrorCodes.ServerNotInitialized },
        (Phase.Running, LspMethods.Initialize) => new LocalRpcException("initialize was already called") { ErrorCode = LspErrorCodes.InvalidRequest },
        (Phase.ShuttingDown, _) => new LocalRpcException("the server is shutting down: only exit is accepted") { ErrorCode = LspErrorCodes.InvalidRequest },
        _ => null,
    };

    /// <summary>One row as StreamJsonRpc sees it: a target object whose one method takes the params.</summary>
    private sealed class Endpoint(LspDispatcher dispatcher, LspMethod method)
    {
        public Task<JsonElement?> InvokeAsync(JsonElement? parameters = null, CancellationToken cancellationToken = default) =>
            dispatcher.InvokeAsync(method, parameters, cancellationToken);
    }
}
