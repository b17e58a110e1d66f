using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PaperLens.Server.Protocol;
using PaperLens.Server.Session;
using StreamJsonRpc;

namespace PaperLens.Server;

/// <summary>How a method touches the server's state: CLaSP's <c>MutatesSolutionState</c>, rust-analyzer's
/// <c>on_sync_mut</c> versus <c>on</c>.</summary>
public enum LspMethodKind
{
    /// <summary>initialize, initialized, shutdown, exit: the session's phases (<see cref="LspDispatcher"/>).</summary>
    Lifecycle,

    /// <summary>A notification that changes the server's state: run at once, in arrival order, on the
    /// dispatch context.</summary>
    Mutation,

    /// <summary>A request answered from a <see cref="Snapshot"/> taken in arrival order, computed on the
    /// thread pool, cancelled by <c>$/cancelRequest</c>.</summary>
    Read,

    /// <summary>A request answered on the dispatch context from the state as it is (status), or after
    /// waiting for it (a workspace check waits for indexing), then from a snapshot.</summary>
    Request,
}

/// <summary>What <c>initialize</c> advertises for a method, given what the client supports.</summary>
public delegate ServerCapabilities Advertisement(ServerCapabilities capabilities, ClientCapabilities client);

/// <summary>One row of the dispatch table (<see cref="LspMethods"/>).</summary>
public abstract class LspMethod(string name, LspMethodKind kind, Advertisement? advertises)
{
    public string Name => name;

    public LspMethodKind Kind => kind;

    public Advertisement? Advertises => advertises;

    /// <summary>Reads the params, runs the handler and writes its result. The part before the handler's
    /// first await runs on the caller's context, in dispatch order.</summary>
    internal abstract Task<JsonElement?> InvokeAsync(LanguageServer server, JsonElement? parameters, CancellationToken cancellationToken);
}

/// <param name="paramsType">Null for a method whose params are ignored.</param>
/// <param name="resultType">Null for a notification or a request answered with null.</param>
internal sealed class LspMethod<TParams, TResult>(
    string name,
    LspMethodKind kind,
    JsonTypeInfo<TParams>? paramsType,
    JsonTypeInfo<TResult>? resultType,
    Func<LanguageServer, TParams, CancellationToken, Task<TResult?>> handler,
    Advertisement? advertises = null) : LspMethod(name, kind, advertises)
{
    internal override async Task<JsonElement?> InvokeAsync(LanguageServer server, JsonElement? parameters, CancellationToken cancellationToken)
    {
        var request = paramsType is null ? default! : Read(paramsType, parameters);
        var result = await handler(server, request, cancellationToken).ConfigureAwait(false);
        return resultType is null || result is null ? null : JsonSerializer.SerializeToElement(result, resultType);
    }

    private TParams Read(JsonTypeInfo<TParams> type, JsonElement? parameters)
    {
        try
        {
            if (parameters is { ValueKind: not JsonValueKind.Null } given && given.Deserialize(type) is { } request) return request;
        }
        catch (JsonException ex)
        {
            throw InvalidParams($"the params of {Name} do not fit at {ex.Path ?? "$"}: a member is missing or of the wrong type");
        }
        throw InvalidParams($"{Name} needs params");
    }

    private static LocalRpcException InvalidParams(string message) => new(message) { ErrorCode = LspErrorCodes.InvalidParams };
}
