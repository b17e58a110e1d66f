using System.Text.Json.Serialization;

namespace PaperLens.Server.Protocol;

public static class TextDocumentSyncKind
{
    public const int None = 0;
    public const int Incremental = 2;
}

public sealed record DidOpenTextDocumentParams([property: JsonPropertyName("textDocument")] TextDocumentItem TextDocument);

public sealed record TextDocumentContentChangeEvent
{
    /// <summary>Absent for a whole-document change.</summary>
    [JsonPropertyName("range")] public Range? Range { get; init; }
    [JsonPropertyName("text")] public required string Text { get; init; }
}

public sealed record DidChangeTextDocumentParams(
    [property: JsonPropertyName("textDocument")] VersionedTextDocumentIdentifier TextDocument,
    [property: JsonPropertyName("contentChanges")] IReadOnlyList<TextDocumentContentChangeEvent> ContentChanges);

public sealed record DidCloseTextDocumentParams([property: JsonPropertyName("textDocument")] TextDocumentIdentifier TextDocument);

public sealed record FileEvent(
    [property: JsonPropertyName("uri")] string Uri,
    [property: JsonPropertyName("type")] int Type);

/// <summary>client/registerCapability: the server asks the client for a capability it did not declare
/// statically (here, the file watchers of workspace/didChangeWatchedFiles).</summary>
public sealed record RegistrationParams([property: JsonPropertyName("registrations")] IReadOnlyList<Registration> Registrations);

// RegisterOptions is typed rather than object, so the serializer never needs runtime type information.
public sealed record Registration(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("registerOptions")] DidChangeWatchedFilesRegistrationOptions RegisterOptions);

public sealed record DidChangeWatchedFilesRegistrationOptions(
    [property: JsonPropertyName("watchers")] IReadOnlyList<FileSystemWatcher> Watchers);

/// <summary>A glob the client watches; without <c>kind</c>, creation, change and deletion are all reported.</summary>
public sealed record FileSystemWatcher([property: JsonPropertyName("globPattern")] string GlobPattern);

public sealed record DidChangeWatchedFilesParams([property: JsonPropertyName("changes")] IReadOnlyList<FileEvent> Changes);

public sealed record WorkspaceFoldersChangeEvent(
    [property: JsonPropertyName("added")] IReadOnlyList<WorkspaceFolder> Added,
    [property: JsonPropertyName("removed")] IReadOnlyList<WorkspaceFolder> Removed);

public sealed record DidChangeWorkspaceFoldersParams([property: JsonPropertyName("event")] WorkspaceFoldersChangeEvent Event);

public sealed record DidChangeConfigurationParams([property: JsonPropertyName("settings")] System.Text.Json.JsonElement Settings);
