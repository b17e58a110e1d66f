using System.Text.Json;
using System.Text.Json.Serialization;
using PaperLens.Server.Handlers;
using StreamJsonRpc;

namespace PaperLens.Server.Protocol;

/// <summary>Source-generated JSON for every params and result type of the dispatch table
/// (<see cref="LspMethods"/>), the server's own messages to the client (<see cref="Transport.OutgoingMessages"/>)
/// and the data its items carry, and StreamJsonRpc's view of them all (JSON elements): no reflection,
/// which the native binary does not have.</summary>
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(InitializeParams))]
[JsonSerializable(typeof(InitializeResult))]
[JsonSerializable(typeof(DidOpenTextDocumentParams))]
[JsonSerializable(typeof(DidChangeTextDocumentParams))]
[JsonSerializable(typeof(DidCloseTextDocumentParams))]
[JsonSerializable(typeof(DidOpenNotebookDocumentParams))]
[JsonSerializable(typeof(DidChangeNotebookDocumentParams))]
[JsonSerializable(typeof(DidCloseNotebookDocumentParams))]
[JsonSerializable(typeof(DidChangeWorkspaceFoldersParams))]
[JsonSerializable(typeof(DidChangeConfigurationParams))]
[JsonSerializable(typeof(DidChangeWatchedFilesParams))]
[JsonSerializable(typeof(TextDocumentPositionParams))]
[JsonSerializable(typeof(Hover))]
[JsonSerializable(typeof(Location))]
[JsonSerializable(typeof(ReferenceParams))]
[JsonSerializable(typeof(IReadOnlyList<Location>))]
[JsonSerializable(typeof(CompletionParams))]
[JsonSerializable(typeof(CompletionList))]
[JsonSerializable(typeof(CompletionItem))]
[JsonSerializable(typeof(DocumentLinkParams))]
[JsonSerializable(typeof(IReadOnlyList<DocumentLink>))]
[JsonSerializable(typeof(WorkspaceSymbolParams))]
[JsonSerializable(typeof(IReadOnlyList<SymbolInformation>))]
[JsonSerializable(typeof(InlayHintParams))]
[JsonSerializable(typeof(IReadOnlyList<InlayHint>))]
[JsonSerializable(typeof(CodeActionParams))]
[JsonSerializable(typeof(IReadOnlyList<CodeAction>))]
[JsonSerializable(typeof(DocumentDiagnosticParams))]
[JsonSerializable(typeof(FullDocumentDiagnosticReport))]
[JsonSerializable(typeof(ExecuteCommandParams))]
[JsonSerializable(typeof(WorkspaceCheckSummary))]
[JsonSerializable(typeof(ApplyWorkspaceEditParams))]
[JsonSerializable(typeof(ApplyWorkspaceEditResult))]
[JsonSerializable(typeof(BibtexResult))]
[JsonSerializable(typeof(AbstractParams))]
[JsonSerializable(typeof(AbstractResult))]
[JsonSerializable(typeof(SearchPapersParams))]
[JsonSerializable(typeof(IReadOnlyList<PaperSearchItem>))]
[JsonSerializable(typeof(ServerStatus))]
[JsonSerializable(typeof(JsonElement?))]
// The id of $/cancelRequest, which StreamJsonRpc reads with the converter it adds to the formatter's options.
[JsonSerializable(typeof(RequestId))]
[JsonSerializable(typeof(PublishDiagnosticsParams))]
[JsonSerializable(typeof(ShowMessageParams))]
[JsonSerializable(typeof(LogMessageParams))]
[JsonSerializable(typeof(WorkDoneProgressCreateParams))]
[JsonSerializable(typeof(ProgressParams))]
[JsonSerializable(typeof(RegistrationParams))]
[JsonSerializable(typeof(CompletionItemData))]
[JsonSerializable(typeof(DiagnosticData))]
public sealed partial class LspJsonContext : JsonSerializerContext;
