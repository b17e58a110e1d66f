using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using StreamJsonRpc;

namespace PaperLens.Server.Transport;

/// <summary>The server's own notifications and requests to the client, written the way incoming ones are
/// read (<see cref="LspDispatcher"/>): the params record goes through its source-generated JSON, and
/// StreamJsonRpc sees only JSON elements, one per member, sent as named params (LSP's params are an
/// object). Handing it the record itself would have it take the record apart by reflection, which
/// the native binary does not have.</summary>
internal static class OutgoingMessages
{
    public static Task SendNotificationAsync<TParams>(this JsonRpc rpc, string method, TParams parameters, JsonTypeInfo<TParams> type)
    {
        var (members, types) = Members(parameters, type);
        return rpc.NotifyWithParameterObjectAsync(method, members, types);
    }

    /// <summary>A request whose answer is read as <paramref name="resultType"/>: null when the client answered null.</summary>
    public static async Task<TResult?> SendRequestAsync<TParams, TResult>(
        this JsonRpc rpc, string method, TParams parameters, JsonTypeInfo<TParams> type, JsonTypeInfo<TResult> resultType, CancellationToken cancellationToken)
    {
        var (members, types) = Members(parameters, type);
        var result = await rpc.InvokeWithParameterObjectAsync<JsonElement>(method, members, types, cancellationToken).ConfigureAwait(false);
        return result.Deserialize(resultType);
    }

    /// <summary>A request whose answer carries nothing the server reads (it is null in LSP): done once answered.</summary>
    public static Task SendRequestAsync<TParams>(this JsonRpc rpc, string method, TParams parameters, JsonTypeInfo<TParams> type, CancellationToken cancellationToken)
    {
        var (members, types) = Members(parameters, type);
        return rpc.InvokeWithParameterObjectAsync<JsonElement>(method, members, types, cancellationToken);
    }

    /// <summary>A request without params (the refresh requests).</summary>
    public static Task SendRequestAsync(this JsonRpc rpc, string method, CancellationToken cancellationToken) =>
        rpc.InvokeWithParameterObjectAsync<JsonElement>(method, null, null, cancellationToken);

    private static (IReadOnlyDictionary<string, object?> Members, IReadOnlyDictionary<string, Type> Types) Members<TParams>(TParams parameters, JsonTypeInfo<TParams> type)
    {
        var members = new Dictionary<string, object?>(StringComparer.Ordinal);
        var types = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var member in JsonSerializer.SerializeToElement(parameters, type).EnumerateObject())
        {
            members[member.Name] = member.Value;
            types[member.Name] = typeof(JsonElement);
        }
        return (members, types);
    }
}
