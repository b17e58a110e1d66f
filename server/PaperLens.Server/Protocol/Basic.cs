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

/// <summary>Either <see cref="Changes"/> (edits of existing files by URI) or <see cref="DocumentChanges"/>
/// (<see cref="TextDocumentEdit"/>s and <see cref="CreateFile"/>s in order, for an edit that makes a file).</summary>
public sealed record WorkspaceEdit(
    [property: JsonPropertyName("changes")] IReadOnlyDictionary<string, IReadOnlyList<TextEdit>>? Changes,
    [property: JsonPropertyName("documentChanges")] IReadOnlyList<DocumentChange>? DocumentChanges = null);

/// <summary>One step of <see cref="WorkspaceEdit.DocumentChanges"/>. LSP tells the steps apart by their
/// members (a file operation has <c>kind</c>), so each is written as its own type, with no discriminator.</summary>
[JsonDerivedType(typeof(TextDocumentEdit))]
[JsonDerivedType(typeof(CreateFile))]
public abstract record DocumentChange;

public sealed record TextDocumentEdit(
    [property: JsonPropertyName("textDocument")] OptionalVersionedTextDocumentIdentifier TextDocument,
    [property: JsonPropertyName("edits")] IReadOnlyList<TextEdit> Edits) : DocumentChange;

/// <summary>A document named by URI, at any version when <see cref="Version"/> is null (written as null: the member is required).</summary>
public sealed record OptionalVersionedTextDocumentIdentifier(
    [property: JsonPropertyName("uri")] string Uri,
    [property: JsonPropertyName("version"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? Version);

public sealed record CreateFile(
    [property: JsonPropertyName("uri")] string Uri,
    [property: JsonPropertyName("options")] CreateFileOptions? Options = null) : DocumentChange
{
    [JsonPropertyName("kind")]
    public string Kind => "create";
}

public sealed record CreateFileOptions(
    [property: JsonPropertyName("overwrite")] bool? Overwrite = null,
    [property: JsonPropertyName("ignoreIfExists")] bool? IgnoreIfExists = null);

public sealed record Command(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("command")] string CommandName,
    [property: JsonPropertyName("arguments")] IReadOnlyList<string>? Arguments = null);

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
