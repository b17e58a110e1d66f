using PaperLens.Server.Handlers;
using PaperLens.Server.Protocol;
using StreamJsonRpc;

namespace PaperLens.Server;

// Navigation and editing helpers, all read-only requests on a snapshot (see LanguageServer.Features.cs).
public sealed partial class LanguageServer
{
    [JsonRpcMethod("textDocument/documentLink", UseSingleObjectParameterDeserialization = true)]
    public Task<IReadOnlyList<DocumentLink>> DocumentLinks(DocumentLinkParams request, CancellationToken cancellationToken) =>
        Read(snapshot => DocumentLinkHandler.Handle(snapshot, request), cancellationToken);

    [JsonRpcMethod("textDocument/references", UseSingleObjectParameterDeserialization = true)]
    public Task<IReadOnlyList<Location>?> References(ReferenceParams request, CancellationToken cancellationToken) =>
        Read(snapshot => ReferencesHandler.Handle(snapshot, request), cancellationToken);

    [JsonRpcMethod("workspace/symbol", UseSingleObjectParameterDeserialization = true)]
    public Task<IReadOnlyList<SymbolInformation>> WorkspaceSymbols(WorkspaceSymbolParams request, CancellationToken cancellationToken) =>
        Read(snapshot => WorkspaceSymbolHandler.Handle(snapshot, request, cancellationToken), cancellationToken);

    [JsonRpcMethod("textDocument/inlayHint", UseSingleObjectParameterDeserialization = true)]
    public Task<IReadOnlyList<InlayHint>> InlayHints(InlayHintParams request, CancellationToken cancellationToken) =>
        Read(snapshot => InlayHintHandler.Handle(snapshot, request), cancellationToken);

    [JsonRpcMethod("textDocument/codeAction", UseSingleObjectParameterDeserialization = true)]
    public Task<IReadOnlyList<CodeAction>> CodeActions(CodeActionParams request, CancellationToken cancellationToken) =>
        Read(snapshot => CodeActionHandler.Handle(snapshot, request), cancellationToken);
}
