using System.Text.Json;
using System.Text.Json.Nodes;
using Nerdbank.Streams;
using PaperLens.Metadata;
using PaperLens.Server;
using PaperLens.Server.Transport;
using PaperLens.Testing;
using StreamJsonRpc;

namespace PaperLens.Server.Tests;

/// <summary>A language client talking to the real server in-process over a duplex stream, with the
/// same framing and formatter as stdio. It records the server's notifications so tests can wait for
/// diagnostics, and answers the server's requests (progress creation) as an editor would.</summary>
public sealed class LspTestClient : IAsyncDisposable
{
    private readonly JsonRpc _rpc;
    private readonly Task<int> _server;
    private readonly List<(string Method, JsonNode? Params)> _notifications = [];
    private readonly SemaphoreSlim _notified = new(0);

    private readonly List<string> _log;

    private LspTestClient(JsonRpc rpc, Task<int> server, TestWorkspace workspace, List<string> log)
    {
        _rpc = rpc;
        _server = server;
        _log = log;
        Workspace = workspace;
    }

    public TestWorkspace Workspace { get; }

    /// <summary>What the server wrote to its log (stderr, in a real process).</summary>
    public IReadOnlyList<string> ServerLog
    {
        get
        {
            lock (_log) return _log.ToList();
        }
    }

    /// <summary>The editor's side of the protocol: what the server sends to the client.</summary>
    private sealed class Editor(LspTestClient client)
    {
        [JsonRpcMethod("textDocument/publishDiagnostics")]
        public void PublishDiagnostics(JsonElement p) => client.Record("textDocument/publishDiagnostics", p);

        [JsonRpcMethod("window/logMessage")]
        public void LogMessage(JsonElement p) => client.Record("window/logMessage", p);

        [JsonRpcMethod("window/showMessage")]
        public void ShowMessage(JsonElement p) => client.Record("window/showMessage", p);

        [JsonRpcMethod("client/registerCapability")]
        public object? RegisterCapability(JsonElement p)
        {
            client.Record("client/registerCapability", p);
            return null;
        }

        /// <summary>Recorded and reported applied; a test applies the edit itself, as it needs.</summary>
        [JsonRpcMethod("workspace/applyEdit")]
        public object ApplyEdit(JsonElement p)
        {
            client.Record("workspace/applyEdit", p);
            return new { applied = true };
        }

        [JsonRpcMethod("$/progress")]
        public void Progress(JsonElement p) => client.Record("$/progress", p);

        [JsonRpcMethod("workspace/diagnostic/refresh")]
        public object? RefreshDiagnostics()
        {
            client.Record("workspace/diagnostic/refresh", default);
            return null;
        }

        [JsonRpcMethod("workspace/inlayHint/refresh")]
        public object? RefreshInlayHints()
        {
            client.Record("workspace/inlayHint/refresh", default);
            return null;
        }

        [JsonRpcMethod("paperlens/statusChanged")]
        public void StatusChanged(JsonElement p) => client.Record("paperlens/statusChanged", p);

        [JsonRpcMethod("window/workDoneProgress/create")]
        public object? CreateProgress(JsonElement p)
        {
            client.Record("window/workDoneProgress/create", p);
            return null;
        }
    }

    /// <param name="arxiv">The arXiv stand-in the server looks papers up on (through PAPERLENS_ARXIV_API);
    /// offline when null. The test process's own environment is never read.</param>
    /// <param name="clock">The clock the server paces its arXiv requests by.</param>
    /// <param name="catalogOnCommandLine">Whether the workspace's catalog is given as <c>lsp --catalog</c>, which
    /// overrides every setting; without it the test names a catalog in its settings (never the user's default).</param>
    public static async Task<LspTestClient> StartAsync(TestWorkspace workspace, JsonObject? capabilities = null, JsonObject? initializationOptions = null, bool initialize = true,
        LoopbackArxivServer? arxiv = null, TimeProvider? clock = null, bool catalogOnCommandLine = true)
    {
        var (clientStream, serverStream) = FullDuplexStream.CreatePair();
        var log = new List<string>();
        var server = Task.Run(() => LanguageServerHost.RunAsync(serverStream, serverStream, new LanguageServerOptions
        {
            CatalogPath = catalogOnCommandLine ? workspace.CatalogPath : null,
            Offline = arxiv is null,
            EnvironmentVariable = name => name == MetadataOptions.ApiVariable ? arxiv?.ApiBase.AbsoluteUri : null,
            Clock = clock ?? TimeProvider.System,
            DiagnosticsDelay = TimeSpan.FromMilliseconds(20),
            Log = message => { lock (log) log.Add(message); },
        }));
        var formatter = new SystemTextJsonFormatter();
        LspJson.Configure(formatter.JsonSerializerOptions);
        var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(clientStream, clientStream, formatter));
        var client = new LspTestClient(rpc, server, workspace, log);
        rpc.AddLocalRpcTarget(new Editor(client), new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true });
        rpc.StartListening();
        if (initialize) await client.InitializeAsync(capabilities, initializationOptions);
        return client;
    }

    public JsonElement InitializeResult { get; private set; }

    public async Task InitializeAsync(JsonObject? capabilities = null, JsonObject? initializationOptions = null)
    {
        var request = new JsonObject
        {
            ["processId"] = null,
            ["rootUri"] = DocumentUri.FromPath(Workspace.Root),
            ["capabilities"] = capabilities ?? new JsonObject(),
        };
        if (initializationOptions is not null) request["initializationOptions"] = initializationOptions;
        InitializeResult = await RequestAsync("initialize", request);
        await NotifyAsync("initialized", new JsonObject());
    }

    public Task<JsonElement> RequestAsync(string method, object? parameters, CancellationToken cancellationToken = default) =>
        _rpc.InvokeWithParameterObjectAsync<JsonElement>(method, parameters, cancellationToken);

    public Task NotifyAsync(string method, object? parameters) => _rpc.NotifyWithParameterObjectAsync(method, parameters);

    public async Task OpenAsync(string relativePath, string text, string languageId = "markdown")
    {
        Workspace.Write(relativePath, text);
        await NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Workspace.Uri(relativePath), ["languageId"] = languageId, ["version"] = 1, ["text"] = text },
        });
    }

    public static JsonObject Position(string uri, (int Line, int Character) position) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri },
        ["position"] = new JsonObject { ["line"] = position.Line, ["character"] = position.Character },
    };

    /// <summary>Waits for the next diagnostics published for a document that satisfy a condition.</summary>
    public async Task<JsonElement> WaitForDiagnosticsAsync(string uri, Func<JsonElement, bool>? until = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            lock (_notifications)
            {
                for (var i = _notifications.Count - 1; i >= 0; i--)
                {
                    var (method, p) = _notifications[i];
                    if (method != "textDocument/publishDiagnostics" || p!["uri"]!.GetValue<string>() != uri) continue;
                    var diagnostics = JsonSerializer.SerializeToElement(p["diagnostics"]);
                    if (until is null || until(diagnostics)) return diagnostics;
                    break;
                }
            }
            await _notified.WaitAsync(TimeSpan.FromMilliseconds(100));
        }
        var seen = string.Join("\n", Notifications.Select(n => $"{n.Method} {n.Params?.ToJsonString()}"));
        throw new TimeoutException($"no matching diagnostics for {uri}; the client received:\n{seen}\nserver log:\n{string.Join("\n", ServerLog)}");
    }

    /// <summary>Waits for a message from the server (notification or request) that satisfies a condition.</summary>
    public async Task<JsonNode?> WaitForAsync(string method, Func<JsonNode?, bool>? until = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            if (Notifications.FirstOrDefault(n => n.Method == method && (until is null || until(n.Params))) is { Method: not null } found) return found.Params;
            await _notified.WaitAsync(TimeSpan.FromMilliseconds(100));
        }
        var seen = string.Join("\n", Notifications.Select(n => $"{n.Method} {n.Params?.ToJsonString()}"));
        throw new TimeoutException($"no matching {method}; the client received:\n{seen}\nserver log:\n{string.Join("\n", ServerLog)}");
    }

    /// <summary>Waits for the server's window/logMessage containing <paramref name="text"/>.</summary>
    public Task<JsonNode?> WaitForLogAsync(string text, TimeSpan? timeout = null) =>
        WaitForAsync("window/logMessage", p => p?["message"]?.GetValue<string>().Contains(text, StringComparison.Ordinal) == true, timeout);

    public IReadOnlyList<(string Method, JsonNode? Params)> Notifications
    {
        get
        {
            lock (_notifications) return _notifications.ToList();
        }
    }

    private void Record(string method, JsonElement parameters)
    {
        lock (_notifications) _notifications.Add((method, parameters.ValueKind == JsonValueKind.Undefined ? null : JsonNode.Parse(parameters.GetRawText())));
        _notified.Release();
    }

    public async Task<int> ShutdownAsync()
    {
        await RequestAsync("shutdown", null);
        await NotifyAsync("exit", null);
        return await _server.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async ValueTask DisposeAsync()
    {
        _rpc.Dispose();
        try
        {
            await _server.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is TimeoutException or ConnectionLostException or ObjectDisposedException)
        {
        }
        Workspace.Dispose();
    }
}
