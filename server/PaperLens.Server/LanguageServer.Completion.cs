using PaperLens.Server.Handlers;
using PaperLens.Server.Protocol;
using StreamJsonRpc;

namespace PaperLens.Server;

// Completion reads a snapshot like the other read-only requests (LanguageServer.Features.cs).
public sealed partial class LanguageServer
{
    [JsonRpcMethod("textDocument/completion", UseSingleObjectParameterDeserialization = true)]
    public Task<CompletionList> Completion(CompletionParams request, CancellationToken cancellationToken) =>
        Read(snapshot => CompletionHandler.Handle(snapshot, request), cancellationToken);

    [JsonRpcMethod("completionItem/resolve", UseSingleObjectParameterDeserialization = true)]
    public Task<CompletionItem> ResolveCompletionItem(CompletionItem request, CancellationToken cancellationToken) =>
        Read(snapshot => CompletionHandler.Resolve(snapshot, request), cancellationToken);
}
