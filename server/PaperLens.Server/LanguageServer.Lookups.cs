using PaperLens.Core;
using PaperLens.Core.Identifiers;
using PaperLens.Core.Index;
using PaperLens.Metadata;
using PaperLens.Server.Session;
using PaperLens.Server.Transport;
using StreamJsonRpc;

namespace PaperLens.Server;

// arXiv lookups in the background: papers the workspace cites that the catalog lacks are fetched
// without any request waiting for them; when a fetch lands, the editor is told to refresh what it shows.
public sealed partial class LanguageServer
{
    private Task<MetadataService>? _arxiv;
    // The lookups write what arXiv answers into the catalog they started with: they hold it until stopped.
    private CatalogLease? _arxivLease;
    private PaperFetchQueue? _fetches;
    private TitleSearch? _titleSearch;

    /// <summary>What the running lookups were started with: a change of these restarts them.</summary>
    private (MetadataOptions Options, string CatalogPath)? _lookupsFor;

    /// <summary>Starts the lookups for the current settings and catalog, or none when offline; restarts
    /// them (and looks at every cited id again) when the offline setting, how arXiv is reached or the
    /// catalog changed.</summary>
    private void StartLookups()
    {
        if (_settings is null || _catalog is null) return;
        MetadataOptions metadata;
        try
        {
            metadata = MetadataOptions.Resolve(_settings.Config, _settings.Offline, _settings.CatalogPath, options.EnvironmentVariable) with { Clock = options.Clock };
        }
        catch (PaperLensException ex)
        {
            Log(1, $"no arXiv lookups: {ex.Message}");
            metadata = new MetadataOptions { Offline = true };
        }
        var key = (metadata, _settings.CatalogPath);
        if (_lookupsFor == key) return;
        StopLookups();
        _lookupsFor = key;
        if (metadata.Offline) return;

        CatalogLease lease;
        lock (_catalogGate) lease = _catalog.Lease();
        _arxivLease = lease;
        _arxiv = Task.Run(async () => new MetadataService(await lease.Opening.ConfigureAwait(false), metadata));
        _fetches = new PaperFetchQueue(_arxiv, OnFetchLanded, Log, metadata.Clock);
        _titleSearch = new TitleSearch(_arxiv, Log);
        var index = _index;
        var fetches = _fetches;
        _ = Task.Run(() => EnqueueCited(fetches, index));
    }

    private void StopLookups()
    {
        _fetches?.Dispose();
        _titleSearch?.Dispose();
        // After the queue and the search: their requests are cancelled before the HTTP client goes, and
        // the catalog is let go once the service (or its failed creation) is done.
        var lease = _arxivLease;
        _ = _arxiv?.ContinueWith(created =>
        {
            if (created.IsCompletedSuccessfully) created.Result.Dispose();
            lease?.Dispose();
        }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        _arxiv = null;
        _arxivLease = null;
        _fetches = null;
        _titleSearch = null;
        _lookupsFor = null;
    }

    /// <summary>Every id the workspace cites, for the fetch queue. Runs off the dispatch context: the
    /// index's id lookup is built here the first time.</summary>
    private static void EnqueueCited(PaperFetchQueue fetches, WorkspaceIndex index) =>
        fetches.Enqueue(index.CitedIds.Select(ArxivId.Of), fromOpenDocument: false);

    /// <summary>A document was opened, edited or changed on disk: its ids go to the fetch queue (the open
    /// document's first), which skips those already answered in this session.</summary>
    private void EnqueueCitedBy(IndexedDocument document) =>
        _fetches?.Enqueue(document.Scan.Citations.Select(c => c.Id).OfType<ArxivId>(), fromOpenDocument: document.Text is not null);

    /// <summary>Called on the thread pool when a fetch added records or confirmed misses: the check runs
    /// again, the documents whose findings changed get fresh diagnostics (pushed, or the client is asked
    /// to pull again), and inlay hints are refreshed where the client supports it.</summary>
    private void OnFetchLanded(FetchReport report)
    {
        Log(3, $"arXiv lookup: {report.Found.Count} found, {report.Missing.Count} unknown to arXiv");
        ForgetAnalysis();
        if (PushesDiagnostics) _diagnostics?.Schedule();
        else if (_client?.DiagnosticRefresh == true) _ = RequestRefreshAsync("workspace/diagnostic/refresh");
        if (_client?.InlayHintRefresh == true && _settings?.InlayHints == true) _ = RequestRefreshAsync("workspace/inlayHint/refresh");
    }

    private async Task RequestRefreshAsync(string method)
    {
        if (_rpc is not { IsDisposed: false } rpc) return;
        try
        {
            await rpc.SendRequestAsync(method, _lifetime.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RemoteInvocationException or ConnectionLostException or ObjectDisposedException or OperationCanceledException)
        {
            Log(3, $"{method} not done: {ex.Message}");
        }
    }
}
