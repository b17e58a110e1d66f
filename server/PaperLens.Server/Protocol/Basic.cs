using System.Text.Json.Serialization;

namespace PaperLens.Server.Protocol;

// The LSP 3.17 types PaperLens uses, as small records. Names follow the specification; null
// members are omitted on the wire (see LspJson).

public sealed record Position([property: JsonPropertyName("line")] int Line, [property: JsonPropertyName("character")] int Character);

public sealed record Range([property: JsonPropertyName("start")] Position Start, [property: JsonPropertyName("end")] Position End);

public sealed record Location([property: JsonPropertyName("uri")] string Uri, [property: JsonPropertyName("range")] Range Range);

public sealed record TextDocumentIdentifier([property: JsonPropertyName("uri")] string Uri);

public sealed record VersionedTextDocumentIdentifier(
    [property: JsonPropertyName("uri")] string Uri,
    [property: JsonPropertyName("version")] int Version);

public sealed record TextDocumentItem(
    [property: JsonPropertyName("uri")] string Uri,
    [property: JsonPropertyName("languageId")] string LanguageId,
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("text")] string Text);

public record TextDocumentPositionParams(
    [property: JsonPropertyName("textDocument")] TextDocumentIdentifier TextDocument,
    [property: JsonPropertyName("position")] Position Position);

public sealed record MarkupContent(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("value")] string Value)
{
    public static MarkupContent Markdown(string value) => new("markdown", value);
}

public sealed record TextEdit(
    [property: JsonPropertyName("range")] Range Range,
    [property: JsonPropertyName("newText")] string NewText);

public sealed record WorkspaceEdit(
    [property: JsonPropertyName("changes")] IReadOnlyDictionary<string, IReadOnlyList<TextEdit>> Changes);

public sealed record Command(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("command")] string CommandName,
    [property: JsonPropertyName("arguments")] IReadOnlyList<object>? Arguments = null);

public sealed record LogMessageParams(
    [property: JsonPropertyName("type")] int Type,
    [property: JsonPropertyName("message")] string Message);

public sealed record ShowMessageParams(
    [property: JsonPropertyName("type")] int Type,
    [property: JsonPropertyName("message")] string Message);

/// <summary>The <c>type</c> of window/showMessage and window/logMessage.</summary>
public static class MessageType
{
    public const int Error = 1;
    public const int Warning = 2;
    public const int Info = 3;
}

/// <summary>The error codes of JSON-RPC 2.0 (§5.1) and those LSP 3.17 adds.</summary>
public static class LspErrorCodes
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;
    public const int ServerNotInitialized = -32002;
    public const int RequestFailed = -32803;
    public const int ContentModified = -32801;
}
