using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PaperLens.Server.Handlers;
using PaperLens.Server.Protocol;
using PaperLens.Server.Session;
using PaperLens.Server.Transport;
using StreamJsonRpc;

namespace PaperLens.Server;

/// <summary>The dispatch table: every method PaperLens answers, with its kind (<see cref="LspMethodKind"/>),
/// the capability <c>initialize</c> advertises for it and its handler. <see cref="Capabilities"/> builds
/// the ServerCapabilities from these rows, and <see cref="LspDispatcher"/> registers them and applies
/// the lifecycle rules to every one.</summary>
public static class LspMethods
{
    public const string Initialize = "initialize";
    public const string Shutdown = "shutdown";
    public const string Exit = "exit";

    /// <summary>What a request for a method outside the table is renamed to (<see cref="LspMessageHandler"/>),
    /// so that it meets the lifecycle rules before it is answered MethodNotFound.</summary>
    public const string Unknown = "$/paperlens/unknownMethod";

    private static LspJsonContext Json => LspJson.Context;

    public static IReadOnlyList<LspMethod> All { get; } =
    [
        Lifecycle(Initialize, Json.InitializeParams, Json.InitializeResult, (server, request) => server.Initialize(request)),
        Lifecycle("initialized", server => server.Initialized()),
        Lifecycle(Shutdown, server => server.Shutdown()),
        Lifecycle(Exit, server => server.Exit()),

        Mutation("textDocument/didOpen", Json.DidOpenTextDocumentParams, (server, request) => server.DidOpen(request),
            (capabilities, _) => capabilities with { TextDocumentSync = Sync(capabilities) with { OpenClose = true } }),
        Mutation("textDocument/didChange", Json.DidChangeTextDocumentParams, (server, request) => server.DidChange(request),
            (capabilities, _) => capabilities with { TextDocumentSync = Sync(capabilities) with { Change = TextDocumentSyncKind.Incremental } }),
        Mutation("textDocument/didClose", Json.DidCloseTextDocumentParams, (server, request) => server.DidClose(request),
            (capabilities, _) => capabilities with { TextDocumentSync = Sync(capabilities) with { OpenClose = true } }),
        Mutation("notebookDocument/didOpen", Json.DidOpenNotebookDocumentParams, (server, request) => server.DidOpenNotebook(request),
            (capabilities, _) => capabilities with { NotebookDocumentSync = new NotebookDocumentSyncOptions([new NotebookSelector("jupyter-notebook")]) }),
        Mutation("notebookDocument/didChange", Json.DidChangeNotebookDocumentParams, (server, request) => server.DidChangeNotebook(request)),
        Mutation("notebookDocument/didClose", Json.DidCloseNotebookDocumentParams, (server, request) => server.DidCloseNotebook(request)),
        Mutation("workspace/didChangeWorkspaceFolders", Json.DidChangeWorkspaceFoldersParams, (server, request) => server.DidChangeWorkspaceFolders(request),
            (capabilities, _) => capabilities with { Workspace = new(new WorkspaceFoldersServerCapabilities(Supported: true, ChangeNotifications: true)) }),
        Mutation("workspace/didChangeConfiguration", Json.DidChangeConfigurationParams, (server, request) => server.DidChangeConfiguration(request)),
        // Registered with the client after initialized (client/registerCapability), not advertised.
        Mutation("workspace/didChangeWatchedFiles", Json.DidChangeWatchedFilesParams, (server, request) => server.DidChangeWatchedFiles(request)),

        Read("textDocument/hover", Json.TextDocumentPositionParams, Json.Hover, (snapshot, request, _) => HoverHandler.Handle(snapshot, request),
            (capabilities, _) => capabilities with { HoverProvider = true }),
        Read("textDocument/definition", Json.TextDocumentPositionParams, Json.Location, (snapshot, request, _) => DefinitionHandler.Handle(snapshot, request),
            (capabilities, _) => capabilities with { DefinitionProvider = true }),
        Read("textDocument/references", Json.ReferenceParams, Json.IReadOnlyListLocation, (snapshot, request, _) => ReferencesHandler.Handle(snapshot, request),
            (capabilities, _) => capabilities with { ReferencesProvider = true }),
        Read("textDocument/completion", Json.CompletionParams, Json.CompletionList, (snapshot, request, _) => CompletionHandler.Handle(snapshot, request),
            (capabilities, _) => capabilities with { CompletionProvider = new CompletionOptions([":", "@", "[", "{"], ResolveProvider: false) }),
        // After textDocument/completion's row, whose options it completes.
        Read("completionItem/resolve", Json.CompletionItem, Json.CompletionItem, (snapshot, request, _) => CompletionHandler.Resolve(snapshot, request),
            (capabilities, _) => capabilities with { CompletionProvider = capabilities.CompletionProvider! with { ResolveProvider = true } }),
        Read("textDocument/documentLink", Json.DocumentLinkParams, Json.IReadOnlyListDocumentLink, (snapshot, request, _) => DocumentLinkHandler.Handle(snapshot, request),
            (capabilities, _) => capabilities with { DocumentLinkProvider = new DocumentLinkOptions(ResolveProvider: false) }),
        Read("workspace/symbol", Json.WorkspaceSymbolParams, Json.IReadOnlyListSymbolInformation, WorkspaceSymbolHandler.Handle,
            (capabilities, _) => capabilities with { WorkspaceSymbolProvider = true }),
        Read("textDocument/inlayHint", Json.InlayHintParams, Json.IReadOnlyListInlayHint, (snapshot, request, _) => InlayHintHandler.Handle(snapshot, request),
            (capabilities, _) => capabilities with { InlayHintProvider = true }),
        Read("textDocument/codeAction", Json.CodeActionParams, Json.IReadOnlyListCodeAction, (snapshot, request, _) => CodeActionHandler.Handle(snapshot, request),
            (capabilities, _) => capabilities with { CodeActionProvider = new CodeActionOptions(["quickfix", "refactor", "refactor.rewrite"]) }),
        Read("textDocument/diagnostic", Json.DocumentDiagnosticParams, Json.FullDocumentDiagnosticReport, (snapshot, request, _) => DiagnosticsHandler.Pull(snapshot, request),
            (capabilities, client) => client.PullDiagnostics
                ? capabilities with { DiagnosticProvider = new DiagnosticOptions("paperlens", InterFileDependencies: true, WorkspaceDiagnostics: false) }
                : capabilities),
        Read("paperlens/abstract", Json.AbstractParams, Json.AbstractResult, (snapshot, request, _) => DefinitionHandler.Abstract(snapshot, request.Id)),
        Read("paperlens/abstractAt", Json.TextDocumentPositionParams, Json.AbstractResult, (snapshot, request, _) => AbstractAtHandler.Handle(snapshot, request)),
        Read("paperlens/bibtex", Json.TextDocumentPositionParams, Json.BibtexResult, (snapshot, request, _) => BibliographyHandler.Bibtex(snapshot, request)),
        Read("paperlens/searchPapers", Json.SearchPapersParams, Json.IReadOnlyListPaperSearchItem, (snapshot, request, _) => PaperSearchHandler.Handle(snapshot, request)),

        Request("workspace/executeCommand", Json.ExecuteCommandParams, Json.WorkspaceCheckSummary, (server, request, cancellationToken) => server.ExecuteCommand(request, cancellationToken),
            (capabilities, _) => capabilities with { ExecuteCommandProvider = new ExecuteCommandOptions([LanguageServer.CheckWorkspaceCommand, LanguageServer.AddToBibliographyCommand]) }),
        Request<JsonElement, ServerStatus>("paperlens/status", null, Json.ServerStatus, (server, _, _) => Task.FromResult<ServerStatus?>(server.Status())),
        Request<JsonElement, JsonElement>(Unknown, null, null, (_, _, _) =>
            throw new LocalRpcException("PaperLens has no method of that name") { ErrorCode = LspErrorCodes.MethodNotFound }),
    ];

    private static readonly HashSet<string> Names = [.. All.Select(method => method.Name)];

    public static bool Contains(string name) => Names.Contains(name);

    /// <summary>What <c>initialize</c> answers: each row's advertisement in table order.</summary>
    public static ServerCapabilities Capabilities(PositionEncoding encoding, ClientCapabilities client) =>
        All.Aggregate(new ServerCapabilities { PositionEncoding = encoding.Name }, (capabilities, method) => method.Advertises?.Invoke(capabilities, client) ?? capabilities);

    private static TextDocumentSyncOptions Sync(ServerCapabilities capabilities) =>
        capabilities.TextDocumentSync ?? new TextDocumentSyncOptions(OpenClose: false, Change: TextDocumentSyncKind.None, Save: false);

    private static LspMethod<TParams, TResult> Lifecycle<TParams, TResult>(string name, JsonTypeInfo<TParams> paramsType, JsonTypeInfo<TResult> resultType, Func<LanguageServer, TParams, TResult> handler) =>
        new(name, LspMethodKind.Lifecycle, paramsType, resultType, (server, request, _) => Task.FromResult<TResult?>(handler(server, request)));

    private static LspMethod<JsonElement, JsonElement> Lifecycle(string name, Action<LanguageServer> handler) =>
        new(name, LspMethodKind.Lifecycle, null, null, (server, _, _) =>
        {
            handler(server);
            return Task.FromResult<JsonElement>(default);
        });

    private static LspMethod<TParams, JsonElement> Mutation<TParams>(string name, JsonTypeInfo<TParams> paramsType, Action<LanguageServer, TParams> change, Advertisement? advertises = null) =>
        new(name, LspMethodKind.Mutation, paramsType, null, (server, request, _) =>
        {
            change(server, request);
            return Task.FromResult<JsonElement>(default);
        }, advertises);

    private static LspMethod<TParams, TResult> Read<TParams, TResult>(string name, JsonTypeInfo<TParams> paramsType, JsonTypeInfo<TResult> resultType, Func<Snapshot, TParams, CancellationToken, TResult?> handler, Advertisement? advertises = null) =>
        new(name, LspMethodKind.Read, paramsType, resultType, (server, request, cancellationToken) => server.Read(snapshot => handler(snapshot, request, cancellationToken), cancellationToken), advertises);

    private static LspMethod<TParams, TResult> Request<TParams, TResult>(string name, JsonTypeInfo<TParams>? paramsType, JsonTypeInfo<TResult>? resultType, Func<LanguageServer, TParams, CancellationToken, Task<TResult?>> handler, Advertisement? advertises = null) =>
        new(name, LspMethodKind.Request, paramsType, resultType, handler, advertises);
}
