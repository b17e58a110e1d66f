using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaperLens.Server.Protocol;

public sealed record WorkspaceFolder(
    [property: JsonPropertyName("uri")] string Uri,
    [property: JsonPropertyName("name")] string Name);

public sealed record InitializeParams
{
    [JsonPropertyName("processId")] public int? ProcessId { get; init; }
    [JsonPropertyName("rootUri")] public string? RootUri { get; init; }
    [JsonPropertyName("rootPath")] public string? RootPath { get; init; }
    [JsonPropertyName("workspaceFolders")] public IReadOnlyList<WorkspaceFolder>? WorkspaceFolders { get; init; }
    [JsonPropertyName("initializationOptions")] public JsonElement? InitializationOptions { get; init; }
    [JsonPropertyName("capabilities")] public JsonElement Capabilities { get; init; }
}

public sealed record ServerInfo(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("version")] string Version);

public sealed record InitializeResult(
    [property: JsonPropertyName("capabilities")] ServerCapabilities Capabilities,
    [property: JsonPropertyName("serverInfo")] ServerInfo ServerInfo);

public sealed record ServerCapabilities
{
    [JsonPropertyName("positionEncoding")] public required string PositionEncoding { get; init; }
    [JsonPropertyName("textDocumentSync")] public TextDocumentSyncOptions? TextDocumentSync { get; init; }
    [JsonPropertyName("notebookDocumentSync")] public NotebookDocumentSyncOptions? NotebookDocumentSync { get; init; }
    [JsonPropertyName("hoverProvider")] public bool HoverProvider { get; init; }
    [JsonPropertyName("definitionProvider")] public bool DefinitionProvider { get; init; }
    [JsonPropertyName("referencesProvider")] public bool ReferencesProvider { get; init; }
    [JsonPropertyName("completionProvider")] public CompletionOptions? CompletionProvider { get; init; }
    [JsonPropertyName("documentLinkProvider")] public DocumentLinkOptions? DocumentLinkProvider { get; init; }
    [JsonPropertyName("workspaceSymbolProvider")] public bool WorkspaceSymbolProvider { get; init; }
    [JsonPropertyName("inlayHintProvider")] public bool InlayHintProvider { get; init; }
    [JsonPropertyName("codeActionProvider")] public CodeActionOptions? CodeActionProvider { get; init; }
    [JsonPropertyName("executeCommandProvider")] public ExecuteCommandOptions? ExecuteCommandProvider { get; init; }
    [JsonPropertyName("diagnosticProvider")] public DiagnosticOptions? DiagnosticProvider { get; init; }
    [JsonPropertyName("workspace")] public WorkspaceServerCapabilities? Workspace { get; init; }
}

public sealed record TextDocumentSyncOptions(
    [property: JsonPropertyName("openClose")] bool OpenClose,
    [property: JsonPropertyName("change")] int Change,
    [property: JsonPropertyName("save")] bool Save);

public sealed record CompletionOptions(
    [property: JsonPropertyName("triggerCharacters")] IReadOnlyList<string> TriggerCharacters,
    [property: JsonPropertyName("resolveProvider")] bool ResolveProvider);

public sealed record DocumentLinkOptions([property: JsonPropertyName("resolveProvider")] bool ResolveProvider);

public sealed record CodeActionOptions([property: JsonPropertyName("codeActionKinds")] IReadOnlyList<string> CodeActionKinds);

public sealed record ExecuteCommandOptions([property: JsonPropertyName("commands")] IReadOnlyList<string> Commands);

public sealed record DiagnosticOptions(
    [property: JsonPropertyName("identifier")] string Identifier,
    [property: JsonPropertyName("interFileDependencies")] bool InterFileDependencies,
    [property: JsonPropertyName("workspaceDiagnostics")] bool WorkspaceDiagnostics);

public sealed record WorkspaceServerCapabilities(
    [property: JsonPropertyName("workspaceFolders")] WorkspaceFoldersServerCapabilities WorkspaceFolders);

public sealed record WorkspaceFoldersServerCapabilities(
    [property: JsonPropertyName("supported")] bool Supported,
    [property: JsonPropertyName("changeNotifications")] bool ChangeNotifications);
