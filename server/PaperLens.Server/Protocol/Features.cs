using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaperLens.Server.Protocol;

public sealed record Hover(
    [property: JsonPropertyName("contents")] MarkupContent Contents,
    [property: JsonPropertyName("range")] Range? Range);

public sealed record ReferenceContext([property: JsonPropertyName("includeDeclaration")] bool IncludeDeclaration);

public sealed record ReferenceParams(
    TextDocumentIdentifier TextDocument,
    Position Position,
    [property: JsonPropertyName("context")] ReferenceContext? Context = null) : TextDocumentPositionParams(TextDocument, Position);

public sealed record CompletionContext(
    [property: JsonPropertyName("triggerKind")] int TriggerKind,
    [property: JsonPropertyName("triggerCharacter")] string? TriggerCharacter = null);

public sealed record CompletionParams(
    TextDocumentIdentifier TextDocument,
    Position Position,
    [property: JsonPropertyName("context")] CompletionContext? Context = null) : TextDocumentPositionParams(TextDocument, Position);

/// <summary>A completion item's <c>data</c>: the paper whose documentation completionItem/resolve adds.</summary>
public sealed record CompletionItemData([property: JsonPropertyName("id")] string Id);

public sealed record CompletionItem
{
    [JsonPropertyName("label")] public required string Label { get; init; }
    [JsonPropertyName("kind")] public int? Kind { get; init; }
    [JsonPropertyName("detail")] public string? Detail { get; init; }
    [JsonPropertyName("documentation")] public MarkupContent? Documentation { get; init; }
    [JsonPropertyName("sortText")] public string? SortText { get; init; }
    [JsonPropertyName("filterText")] public string? FilterText { get; init; }
    [JsonPropertyName("textEdit")] public TextEdit? TextEdit { get; init; }
    [JsonPropertyName("data")] public JsonElement? Data { get; init; }

    /// <summary>Run by the client after it applied the item's edits.</summary>
    [JsonPropertyName("command")] public Command? Command { get; init; }
}

public sealed record CompletionList(
    [property: JsonPropertyName("isIncomplete")] bool IsIncomplete,
    [property: JsonPropertyName("items")] IReadOnlyList<CompletionItem> Items);

public sealed record LspDiagnostic
{
    [JsonPropertyName("range")] public required Range Range { get; init; }
    [JsonPropertyName("severity")] public int Severity { get; init; }
    [JsonPropertyName("code")] public string? Code { get; init; }
    [JsonPropertyName("codeDescription")] public CodeDescription? CodeDescription { get; init; }
    [JsonPropertyName("source")] public string Source { get; init; } = "paperlens";
    [JsonPropertyName("message")] public required string Message { get; init; }
    [JsonPropertyName("data")] public JsonElement? Data { get; init; }
}

/// <summary>A diagnostic's <c>data</c>: the arXiv id of the citation it is about.</summary>
public sealed record DiagnosticData([property: JsonPropertyName("id")] string Id);

public sealed record CodeDescription([property: JsonPropertyName("href")] string Href);

public sealed record PublishDiagnosticsParams(
    [property: JsonPropertyName("uri")] string Uri,
    [property: JsonPropertyName("version")] int? Version,
    [property: JsonPropertyName("diagnostics")] IReadOnlyList<LspDiagnostic> Diagnostics);

public sealed record DocumentDiagnosticParams(
    [property: JsonPropertyName("textDocument")] TextDocumentIdentifier TextDocument,
    [property: JsonPropertyName("previousResultId")] string? PreviousResultId = null);

public sealed record FullDocumentDiagnosticReport(
    [property: JsonPropertyName("items")] IReadOnlyList<LspDiagnostic> Items,
    [property: JsonPropertyName("resultId")] string? ResultId)
{
    [JsonPropertyName("kind")] public string Kind => "full";
}

public sealed record DocumentLinkParams([property: JsonPropertyName("textDocument")] TextDocumentIdentifier TextDocument);

public sealed record DocumentLink(
    [property: JsonPropertyName("range")] Range Range,
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("tooltip")] string? Tooltip);

public sealed record WorkspaceSymbolParams([property: JsonPropertyName("query")] string Query);

public sealed record SymbolInformation(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("kind")] int Kind,
    [property: JsonPropertyName("location")] Location Location,
    [property: JsonPropertyName("containerName")] string? ContainerName);

public sealed record InlayHintParams(
    [property: JsonPropertyName("textDocument")] TextDocumentIdentifier TextDocument,
    [property: JsonPropertyName("range")] Range Range);

public sealed record InlayHint(
    [property: JsonPropertyName("position")] Position Position,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("paddingLeft")] bool PaddingLeft,
    [property: JsonPropertyName("tooltip")] string? Tooltip);

public sealed record CodeActionContext(
    [property: JsonPropertyName("diagnostics")] IReadOnlyList<LspDiagnostic> Diagnostics,
    [property: JsonPropertyName("only")] IReadOnlyList<string>? Only = null);

public sealed record CodeActionParams(
    [property: JsonPropertyName("textDocument")] TextDocumentIdentifier TextDocument,
    [property: JsonPropertyName("range")] Range Range,
    [property: JsonPropertyName("context")] CodeActionContext Context);

public sealed record CodeAction(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("edit")] WorkspaceEdit Edit,
    [property: JsonPropertyName("diagnostics")] IReadOnlyList<LspDiagnostic>? Diagnostics = null,
    [property: JsonPropertyName("isPreferred")] bool? IsPreferred = null);

public sealed record ExecuteCommandParams(
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("arguments")] IReadOnlyList<JsonElement>? Arguments = null);

/// <summary><c>workspace/applyEdit</c>, sent by the server: an edit of files other than the one a
/// completion item may touch.</summary>
public sealed record ApplyWorkspaceEditParams(
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("edit")] WorkspaceEdit Edit);

public sealed record ApplyWorkspaceEditResult(
    [property: JsonPropertyName("applied")] bool Applied,
    [property: JsonPropertyName("failureReason")] string? FailureReason = null);

public sealed record ProgressParams(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("value")] WorkDoneProgressValue Value);

public sealed record WorkDoneProgressCreateParams([property: JsonPropertyName("token")] string Token);

/// <summary>The <c>value</c> of a work-done <c>$/progress</c>: LSP tells the three apart by their <c>kind</c>
/// member, so each is written as its own type, with no discriminator of the serializer's.</summary>
[JsonDerivedType(typeof(WorkDoneProgressBegin))]
[JsonDerivedType(typeof(WorkDoneProgressReport))]
[JsonDerivedType(typeof(WorkDoneProgressEnd))]
public abstract record WorkDoneProgressValue;

public sealed record WorkDoneProgressBegin(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("percentage")] int? Percentage) : WorkDoneProgressValue
{
    [JsonPropertyName("kind")] public string Kind => "begin";
}

public sealed record WorkDoneProgressReport(
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("percentage")] int? Percentage) : WorkDoneProgressValue
{
    [JsonPropertyName("kind")] public string Kind => "report";
}

public sealed record WorkDoneProgressEnd([property: JsonPropertyName("message")] string? Message) : WorkDoneProgressValue
{
    [JsonPropertyName("kind")] public string Kind => "end";
}

public sealed record AbstractParams([property: JsonPropertyName("id")] string Id);

public sealed record AbstractResult(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("uri")] string? Uri,
    [property: JsonPropertyName("markdown")] string Markdown);
