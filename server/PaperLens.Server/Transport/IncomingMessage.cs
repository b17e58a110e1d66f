using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PaperLens.Server.Protocol;

namespace PaperLens.Server.Transport;

/// <summary>What a frame's body is, checked against JSON-RPC 2.0 and LSP 3.17 before StreamJsonRpc reads
/// it: StreamJsonRpc ends the connection on a response it has no request for and on a message that is
/// neither request nor response, and answers nothing to a message it cannot read. Only the top level is
/// read (params are skipped, never parsed), so a 5 MB didOpen costs one pass.</summary>
public abstract record IncomingMessage
{
    /// <summary>A request, a notification, or a response to one of the server's requests, in a shape
    /// StreamJsonRpc reads. <see cref="Body"/> may be a repaired copy of the frame.</summary>
    public sealed record Valid(byte[] Body) : IncomingMessage;

    /// <summary>Answered here with a JSON-RPC error; <see cref="Id"/> is the request's id as its JSON text,
    /// <c>null</c> when it could not be detected (JSON-RPC 2.0 §5).</summary>
    public sealed record Invalid(string Id, int Code, string Message) : IncomingMessage;

    /// <summary>Nothing to answer (a notification or a response nobody waits for): logged and dropped.</summary>
    public sealed record Dropped(string Reason) : IncomingMessage;

    /// <param name="awaited">Whether the server waits for a response with this id (its requests' ids are integers).</param>
    public static IncomingMessage Check(byte[] body, Func<long, bool> awaited)
    {
        TopLevel top;
        try
        {
            top = TopLevel.Read(body);
        }
        catch (JsonException ex)
        {
            return new Invalid("null", LspErrorCodes.ParseError, $"parse error: the message is not JSON ({ex.Message})");
        }
        if (top.NotAnObject) return new Invalid("null", LspErrorCodes.InvalidRequest, "invalid request: a message must be a JSON object (LSP has no batches)");

        if (top.HasMethod) return CheckRequest(body, top);
        if (top.HasResult || top.HasError) return CheckResponse(body, top, awaited);
        return new Invalid(top.EchoableId ?? "null", LspErrorCodes.InvalidRequest, "invalid request: a message needs a method, a result or an error");
    }

    private static IncomingMessage CheckRequest(byte[] body, TopLevel top)
    {
        if (!top.HasId)
        {
            if (top.Method is null) return new Dropped("a notification whose method is not a string");
            if (!top.ParamsStructured) return new Dropped($"a '{top.Method}' notification whose params are neither an object nor an array");
            return new Valid(body);
        }
        // JSON-RPC 2.0 §4 allows any number as an id, but LSP 3.17 narrows it to `integer | string`. An id
        // StreamJsonRpc cannot echo exactly (1.5, 2^63, 1e3) makes the message an invalid request,
        // answered with the id as sent: it was detected, so §5 has the response carry it.
        if (!top.IdUsable) return new Invalid(top.EchoableId ?? "null", LspErrorCodes.InvalidRequest, "invalid request: an id must be a string or an integer");
        if (top.Method is null) return new Invalid(top.EchoableId!, LspErrorCodes.InvalidRequest, "invalid request: the method must be a string");
        if (!top.ParamsStructured) return new Invalid(top.EchoableId!, LspErrorCodes.InvalidRequest, $"invalid request: the params of '{top.Method}' must be an object or an array");
        return new Valid(body);
    }

    private static IncomingMessage CheckResponse(byte[] body, TopLevel top, Func<long, bool> awaited)
    {
        if (top.IntegerId is not { } id || !awaited(id))
            return new Dropped($"a response to no request of the server's (id {top.EchoableId ?? "absent"})");
        if (top.HasError && !top.ErrorWellFormed)
        {
            // The server still waits for this answer: it is told that the client failed, not left hanging.
            return new Valid(ErrorResponse(top.EchoableId!, LspErrorCodes.InternalError, "the client answered with a malformed error object"));
        }
        return new Valid(body);
    }

    /// <summary>A JSON-RPC error response, the id written as the JSON text it was received as.</summary>
    public static byte[] ErrorResponse(string id, int code, string message)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writer.WritePropertyName("id");
            writer.WriteRawValue(id, skipInputValidation: true);
            writer.WriteStartObject("error");
            writer.WriteNumber("code", code);
            writer.WriteString("message", message);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return stream.ToArray();
    }

    /// <summary>The top-level members of a message, read without parsing params or result.</summary>
    private sealed class TopLevel
    {
        public bool NotAnObject { get; private set; }
        public bool HasMethod { get; private set; }
        public string? Method { get; private set; }
        public bool HasId { get; private set; }
        public bool IdUsable { get; private set; }
        public long? IntegerId { get; private set; }

        /// <summary>The id's JSON text when it is a string or a number, the only ids a response may carry.</summary>
        public string? EchoableId { get; private set; }

        public bool ParamsStructured { get; private set; } = true;
        public bool HasResult { get; private set; }
        public bool HasError { get; private set; }
        public bool ErrorWellFormed { get; private set; }

        public static TopLevel Read(byte[] body)
        {
            var top = new TopLevel();
            var reader = new Utf8JsonReader(body);
            if (!reader.Read()) throw new JsonException("the body is empty");
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                top.NotAnObject = true;
                return top;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                switch (name)
                {
                    case "method":
                        top.HasMethod = true;
                        top.Method = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                        break;
                    case "id":
                        top.HasId = true;
                        top.ReadId(ref reader, body, start);
                        break;
                    case "params":
                        top.ParamsStructured = reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray or JsonTokenType.Null;
                        break;
                    case "result":
                        top.HasResult = true;
                        break;
                    case "error":
                        top.HasError = true;
                        top.ErrorWellFormed = IsErrorObject(ref reader);
                        break;
                }
                reader.Skip();
            }
            return top;
        }

        private void ReadId(ref Utf8JsonReader reader, byte[] body, int start)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    IdUsable = true;
                    EchoableId = Encoding.UTF8.GetString(body, start, (int)reader.BytesConsumed - start);
                    break;
                case JsonTokenType.Number:
                    EchoableId = Encoding.UTF8.GetString(reader.ValueSpan);
                    if (reader.TryGetInt64(out var id) && !EchoableId.Contains('e', StringComparison.OrdinalIgnoreCase))
                    {
                        IdUsable = true;
                        IntegerId = id;
                    }
                    break;
            }
        }

        /// <summary>JSON-RPC 2.0 §5.1: an error object has an integer code and a string message.</summary>
        private static bool IsErrorObject(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.StartObject) return false;
            var copy = reader;
            bool code = false, message = false;
            while (copy.Read() && copy.TokenType == JsonTokenType.PropertyName)
            {
                var name = copy.GetString();
                copy.Read();
                if (name == "code") code = copy.TokenType == JsonTokenType.Number && copy.TryGetInt32(out _);
                else if (name == "message") message = copy.TokenType == JsonTokenType.String;
                copy.Skip();
            }
            return code && message;
        }
    }
}
