using System.Text;
using System.Text.Json.Nodes;

namespace PaperLens.Server.Tests.Fuzzing;

/// <summary>JSON-RPC messages as the bytes a client writes. JSON text is built from nodes, and then the
/// placeholders below are swapped for what no serializer writes: a lone UTF-16 surrogate.</summary>
public static class Frames
{
    /// <summary>Stands for a lone high surrogate in a string (written as the escape <c>\uD83D</c>).</summary>
    public const string LoneSurrogate = "\u0001lone\u0001";

    public static string Json(JsonNode node) =>
        node.ToJsonString().Replace("\\u0001lone\\u0001", "\\uD83D", StringComparison.Ordinal);

    public static byte[] Frame(byte[] body) => [.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body];

    public static byte[] Frame(string json) => Frame(Encoding.UTF8.GetBytes(json));

    public static byte[] Frame(JsonNode node) => Frame(Json(node));

    // Generated values may be shared (constants), and a node has one parent: messages hold copies.
    public static JsonObject Request(JsonNode id, string method, JsonNode? parameters)
    {
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id?.DeepClone(), ["method"] = method };
        if (parameters is not null) message["params"] = parameters.DeepClone();
        return message;
    }

    public static JsonObject Notification(string method, JsonNode? parameters)
    {
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method };
        if (parameters is not null) message["params"] = parameters.DeepClone();
        return message;
    }

    /// <summary>An id as the server must echo it: JSON text, strings compared by value.</summary>
    public static string IdText(JsonNode? id) => id switch
    {
        null => "null",
        JsonValue value when value.TryGetValue<string>(out var text) => JsonValue.Create(text).ToJsonString(),
        _ => id.ToJsonString(),
    };
}
