using System.Collections.Immutable;
using System.Text.Json;
using PaperLens.Core;
using PaperLens.Core.Catalog;
using PaperLens.Core.Index;
using PaperLens.Core.Workspace;
using PaperLens.Server.Handlers;
using PaperLens.Server.Protocol;
using PaperLens.Server.Session;
using PaperLens.Server.Transport;
using StreamJsonRpc;

namespace PaperLens.Server;

/// <summary>The JSON-RPC target: every LSP method PaperLens answers. Messages are dispatched one at a
/// time in arrival order (a non-concurrent synchronization context), so document changes apply in
/// order; read requests take a <see cref="Snapshot"/> synchronously and then compute on the thread
/// pool, concurrently with each other and with later edits.</summary>
public sealed partial class LanguageServer(LanguageServerOptions options) : IDisposable
{
    internal const string CheckWorkspaceCommand = "paperlens.checkWorkspace";

    /// <summary>Run by the client after it accepted a completion item that inserted a new key: the paper's
    /// entry added to the document's bibliography. Arguments: the paper's id, the document's URI, the key.</summary>
    internal const string AddToBibliographyCommand = "paperlens.addToBibliography";

    private JsonRpc? _rpc;
    private WorkspaceIndex _index = WorkspaceIndex.Empty;
    private NotebookCells _cells = NotebookCells.Empty;
    private PositionEncoding _encoding = PositionEncoding.Utf16;
    private ServerSettings? _settings;
    // The settings and the catalog they name change together, under the gate: a snapshot taken off the
    // dispatch context (diagnostics) never pairs new settings with the previous catalog.
    private SharedCatalog? _catalog;
    private readonly Lock _catalogGate = new();
    private ClientCapabilities? _client;
    private JsonElement? _clientSettings;
    // Immutable: the status notification reads it from the indexing task while messages change it.
    private ImmutableList<string> _roots = [];
    private DiagnosticsScheduler? _diagnostics;
    // The analysis of the current index, rules and catalog, shared by every snapshot taken until one of
    // them changes, so that a publication and the requests around it run the workspace check once.
    private Analysis? _analysis;
    private readonly Lock _analysisGate = new();
    // The session's newest workspace check, for analyses made while an earlier one was still checking.
    private readonly CheckHistory _checks = new();
    private bool _shutdownRequested;
    private readonly CancellationTokenSource _lifetime = new();

    public Task? Indexing { get; private set; }

    public bool ExitRequested { get; private set; }

    internal void Attach(JsonRpc rpc) => _rpc = rpc;

    public InitializeResult Initialize(InitializeParams request)
    {
        _client = ClientCapabilities.From(request.Capabilities);
        _encoding = PositionEncoding.Negotiate(_client.PositionEncodings);
        _clientSettings = request.InitializationOptions;

        foreach (var folder in request.WorkspaceFolders ?? [])
            if (DocumentUri.ToPath(folder.Uri) is { } path) _roots = _roots.Add(path);
        if (_roots.Count == 0 && (request.RootUri is { } rootUri ? DocumentUri.ToPath(rootUri) : request.RootPath) is { } root) _roots = _roots.Add(Path.GetFullPath(root));

        _settings = ServerSettings.Resolve(_roots.FirstOrDefault(), _clientSettings, options.CatalogPath, options.Offline);
        // A large catalog takes tens of milliseconds to open and check; the editor need not wait for it,
        // but the opening starts now rather than with the first request.
        _catalog = OpenInBackground(_settings.CatalogPath);
        _ = _catalog.Opening;
        _diagnostics = new DiagnosticsScheduler(this, options.DiagnosticsDelay);
        StartLookups();

        return new InitializeResult(
            LspMethods.Capabilities(_encoding, _client),
            new ServerInfo("paperlens", typeof(LanguageServer).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"));
    }

    public void Initialized()
    {
        Indexing = IndexWorkspaceAsync(_roots);
        WatchFiles();
    }

    /// <summary>Stops everything that would still change or publish: lookups, watchers, diagnostics.</summary>
    public void Shutdown()
    {
        _shutdownRequested = true;
        _lifetime.Cancel();
        StopLookups();
        _watcher?.Dispose();
        _diagnostics?.Dispose();
    }

    public void Exit()
    {
        ExitRequested = true;
        _rpc?.Dispose();
    }

    public int ExitCode => _shutdownRequested ? 0 : 1;

    public void DidChangeConfiguration(DidChangeConfigurationParams request)
    {
        var settings = request.Settings;
        // Clients nest their section ({"paperlens": {...}}) or send it bare.
        ApplySettings(settings.ValueKind == JsonValueKind.Object && settings.TryGetProperty("paperlens", out var section) ? section : settings);
    }

    /// <summary>Resolves the settings from all their sources (command line, client, <c>.paperlens.json</c>)
    /// and validates them whole, catalog included, before anything changes. A file that cannot be read
    /// or a catalog that cannot be used is reported to the user and leaves the session as it was: status,
    /// hovers and lookups stay on the previous catalog, so an import from the editor targets the file
    /// actually read. The catalog replaced stays open for the snapshots still reading it.</summary>
    /// <returns>Whether the workspace is read again (include or exclude changed).</returns>
    private bool ApplySettings(JsonElement? clientSettings)
    {
        var previous = _settings!;
        ServerSettings next;
        SharedCatalog? opened = null;
        try
        {
            next = ServerSettings.Resolve(_roots.FirstOrDefault(), clientSettings, options.CatalogPath, options.Offline);
            if (Path.GetFullPath(next.CatalogPath) != Path.GetFullPath(previous.CatalogPath))
            {
                var catalog = PaperCatalog.Open(next.CatalogPath);
                opened = new SharedCatalog(() => Task.FromResult(catalog));
            }
        }
        catch (PaperLensException ex)
        {
            ShowMessage(MessageType.Warning, $"PaperLens settings not applied: {ex.Message}");
            return false;
        }
        _clientSettings = clientSettings;
        SharedCatalog? retired = null;
        lock (_catalogGate)
        {
            _settings = next;
            if (opened is not null) (retired, _catalog) = (_catalog, opened);
        }
        retired?.Retire();
        StartLookups();
        // Include and exclude decide which files the workspace holds: a change rereads it.
        var reread = !next.Config.Include.SequenceEqual(previous.Config.Include) || !next.Config.Exclude.SequenceEqual(previous.Config.Exclude);
        if (reread) Reindex();
        _diagnostics?.Schedule();
        NotifyStatus(Indexing is { IsCompleted: false });
        return reread;
    }

    /// <summary>The state of this moment; only after initialize (<see cref="LspDispatcher"/> sees to requests).</summary>
    internal Snapshot TakeSnapshot()
    {
        ServerSettings settings;
        SharedCatalog shared;
        CatalogLease lease;
        lock (_catalogGate)
        {
            (settings, shared) = (_settings!, _catalog!);
            lease = shared.Lease();
        }
        var catalog = Opened(lease, shared, settings.CatalogPath);
        // The index before the cells: a cell enters the map before the index and leaves after it, so every
        // cell of this index has its URI.
        var analysis = CurrentAnalysis(catalog, settings.Rules);
        return new Snapshot(analysis, _encoding, settings, catalog, DateTimeOffset.UtcNow) { Lease = lease, Fetches = _fetches, TitleSearch = _titleSearch, Cells = _cells };
    }

    /// <summary>The analysis of this moment's index, rule settings and catalog: the one already made if
    /// none of them changed, else a new one that checks again only what changed since the last one's check.
    /// Locked: diagnostics take snapshots off the dispatch context.</summary>
    private Analysis CurrentAnalysis(PaperCatalog catalog, Core.Rules.RuleSettings rules)
    {
        lock (_analysisGate)
        {
            if (_analysis is not { } analysis || analysis.Index != _index || analysis.Papers != catalog || analysis.Rules != rules)
                _analysis = analysis = new Analysis(_index, catalog, rules, _analysis?.LatestCheck, _checks);
            return analysis;
        }
    }

    /// <summary>The catalog learned papers (a fetch landed): the next snapshot checks the workspace again, whole.</summary>
    private void ForgetAnalysis()
    {
        lock (_analysisGate) _analysis = null;
    }

    /// <summary>The leased catalog, waiting for it if it is still opening (it is local: milliseconds, never
    /// the network). An open that failed is tried again by the next request: the file may have been
    /// locked by an import or its folder missing for a moment, and the session must not answer nothing for good.</summary>
    private PaperCatalog Opened(CatalogLease lease, SharedCatalog shared, string path)
    {
        try
        {
            return lease.Opening.GetAwaiter().GetResult();
        }
        catch (PaperLensException ex)
        {
            lease.Dispose();
            var retry = false;
            // Diagnostics take snapshots off the dispatch context: one of them opens the catalog again, not both.
            lock (_catalogGate)
            {
                if (_catalog == shared)
                {
                    _catalog = OpenInBackground(path);
                    retry = true;
                }
            }
            if (retry) shared.Retire();
            Log(1, ex.Message);
            throw new LocalRpcException(ex.Message) { ErrorCode = LspErrorCodes.RequestFailed };
        }
    }

    /// <summary>A catalog opened on the thread pool when first leased.</summary>
    private static SharedCatalog OpenInBackground(string path) => new(() => Task.Run(() => PaperCatalog.Open(path)));

    internal bool PushesDiagnostics => _client?.PullDiagnostics != true;

    internal JsonRpc? Rpc => _rpc;

    internal CancellationToken Lifetime => _lifetime.Token;

    /// <param name="fresh">The folders were indexed before and what the walk reads changed (.gitignore,
    /// include, exclude): their closed documents are replaced, so files now left out leave the index.</param>
    private async Task IndexWorkspaceAsync(IReadOnlyList<string> roots, bool fresh = false)
    {
        if (roots.Count == 0) return;
        await using var progress = await WorkDoneProgress.BeginAsync(this, "PaperLens", "indexing citations").ConfigureAwait(false);
        NotifyStatus(indexing: true);
        var options = _settings!.Config.ToWorkspaceOptions();
        var scans = new List<WorkspaceScan>();
        foreach (var root in roots)
        {
            try
            {
                scans.Add(await Task.Run(() => WorkspaceScanner.Scan(root, options, _lifetime.Token)).ConfigureAwait(false));
            }
            catch (Exception ex) when (ex is PaperLensException or IOException or UnauthorizedAccessException)
            {
                Log(1, $"cannot index {root}: {ex.Message}");
            }
        }
        await Dispatch(() =>
        {
            if (fresh)
            {
                foreach (var path in _index.Documents.Values.Where(d => d.Text is null && scans.Any(s => WorkspaceFolders.IsInside(d.Path, s.Root))).Select(d => d.Path).ToList())
                    _index = _index.Without(path);
            }
            // A folder removed while it was being read is no longer the workspace's: its scan is dropped.
            var roots = _roots.Select(root => Path.TrimEndingDirectorySeparator(Path.GetFullPath(root))).ToHashSet(StringComparer.Ordinal);
            foreach (var scan in scans.Where(s => roots.Contains(s.Root))) _index = _index.WithScan(scan);
        }).ConfigureAwait(false);
        // Indexing read every file once: hundreds of megabytes of text that are garbage now. An
        // aggressive collection returns that memory to the system instead of keeping it for a
        // long-running process that will not need it again.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var citations = scans.Sum(s => s.Documents.Sum(d => d.Citations.Count));
        await progress.EndAsync($"{citations} citations in {scans.Sum(s => s.FilesScanned)} files").ConfigureAwait(false);
        Log(3, $"indexed {scans.Sum(s => s.FilesScanned)} files, {citations} citations, {scans.Sum(s => s.SkippedCount)} skipped");
        _diagnostics?.Schedule();
        NotifyStatus(indexing: false);
        if (_fetches is { } fetches) EnqueueCited(fetches, _index);
    }

    /// <summary>Runs a state change in the dispatch order of incoming messages.</summary>
    internal Task Dispatch(Action change)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var context = _rpc?.SynchronizationContext;
        if (context is null)
        {
            change();
            return Task.CompletedTask;
        }
        context.Post(_ =>
        {
            try
            {
                change();
                done.SetResult();
            }
            catch (Exception ex)
            {
                done.SetException(ex);
            }
        }, null);
        return done.Task;
    }

    /// <summary>Tells the user (window/showMessage) and the log: for what the user did and must hear
    /// about, such as settings that were not applied.</summary>
    private void ShowMessage(int type, string message)
    {
        Log(type, message);
        if (_rpc is { IsDisposed: false } rpc)
            _ = rpc.SendNotificationAsync("window/showMessage", new ShowMessageParams(type, message), LspJson.Context.ShowMessageParams);
    }

    internal void Log(int type, string message)
    {
        options.Log(message);
        if (_rpc is { IsDisposed: false } rpc)
            _ = rpc.SendNotificationAsync("window/logMessage", new LogMessageParams(type, message), LspJson.Context.LogMessageParams);
    }

    internal ClientCapabilities? Client => _client;

    public void Dispose()
    {
        _lifetime.Cancel();
        StopLookups();
        _watcher?.Dispose();
        _diagnostics?.Dispose();
        _catalog?.Retire();
        _lifetime.Dispose();
    }
}
