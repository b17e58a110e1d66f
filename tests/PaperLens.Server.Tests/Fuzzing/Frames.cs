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

    /// <summary>A JSON string literal of any UTF-16 text, lone surrogates included (escaped, where a
    /// serializer would put U+FFFD), other text as it is.</summary>
    public static string Quote(string text)
    {
        var json = new StringBuilder("\"");
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var paired = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (paired)
            {
                json.Append(c).Append(text[++i]);
            }
            else if (c is '"' or '\\' || c < ' ' || char.IsSurrogate(c))
            {
                json.Append($"\\u{(int)c:X4}");
            }
            else
            {
                json.Append(c);
            }
        }
        return json.Append('"').ToString();
    }

    /// <summary>The message as JSON with the texts (which may hold lone surrogates) where its
    /// <see cref="TextSlot"/> strings are.</summary>
    public static string WithTexts(JsonNode message, IReadOnlyList<string> texts)
    {
        var json = message.ToJsonString();
        for (var i = 0; i < texts.Count; i++) json = json.Replace($"\"\\u0001text{i}\\u0001\"", Quote(texts[i]), StringComparison.Ordinal);
        return json;
    }

    /// <summary>Stands for the <paramref name="index"/>th text <see cref="WithTexts"/> puts in.</summary>
    public static string TextSlot(int index) => $"\u0001text{index}\u0001";

    /// <summary>An id as the server must echo it: JSON text, strings compared by value.</summary>
    public static string IdText(JsonNode? id) => id switch
    {
        null => "null",
        JsonValue value when value.TryGetValue<string>(out var text) => JsonValue.Create(text).ToJsonString(),
        _ => id.ToJsonString(),
    };
}
