using PaperLens.Server.Handlers;
using PaperLens.Server.Protocol;
using PaperLens.Server.Transport;

namespace PaperLens.Server.Session;

/// <summary>Publishes diagnostics about 200 ms after the last change to a document (typing does not
/// recompute on every keystroke), and for the whole workspace after indexing. Only documents with
/// findings, or whose findings just went away, are published.</summary>
internal sealed class DiagnosticsScheduler(LanguageServer server, TimeSpan delay) : IDisposable
{
    private readonly object _gate = new();
    // Timer callbacks can overlap; one publication at a time keeps an older snapshot's diagnostics
    // from arriving after a newer one's, and guards _published.
    private readonly object _publishing = new();
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
    private readonly HashSet<string> _published = new(StringComparer.Ordinal);
    private bool _all;
    private Timer? _timer;

    public void Schedule(string path)
    {
        lock (_gate)
        {
            _pending.Add(path);
            Restart();
        }
    }

    public void ScheduleAll()
    {
        lock (_gate)
        {
            _all = true;
            Restart();
        }
    }

    private void Restart()
    {
        _timer ??= new Timer(_ => Publish());
        _timer.Change(delay, Timeout.InfiniteTimeSpan);
    }

    private void Publish()
    {
        lock (_publishing) PublishPending();
    }

    private void PublishPending()
    {
        if (!server.PushesDiagnostics || server.Rpc is not { IsDisposed: false } rpc) return;
        List<string> paths;
        bool all;
        lock (_gate)
        {
            paths = _pending.ToList();
            all = _all;
            _pending.Clear();
            _all = false;
        }
        try
        {
            using var snapshot = server.TakeSnapshot();
            var documents = all
                ? snapshot.Index.Documents.Values.Where(d => d.Scan.Citations.Count > 0 || d.Scan.Problems.Count > 0 || _published.Contains(d.Path)).ToList()
                : paths.Select(p => snapshot.Index.Get(p)).OfType<Core.Index.IndexedDocument>().ToList();
            var results = DiagnosticsHandler.For(snapshot, documents);
            foreach (var gone in paths.Where(p => snapshot.Index.Get(p) is null)) Send(rpc, gone, null, []);
            foreach (var document in documents)
            {
                var items = results[document.Path];
                if (items.Count == 0 && !_published.Contains(document.Path)) continue;
                Send(rpc, document.Path, document.Version, items);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            server.Log(1, $"publishing diagnostics failed: {ex.Message}");
        }
    }

    private void Send(StreamJsonRpc.JsonRpc rpc, string path, int? version, IReadOnlyList<LspDiagnostic> items)
    {
        if (items.Count == 0) _published.Remove(path);
        else _published.Add(path);
        _ = rpc.NotifyWithParameterObjectAsync("textDocument/publishDiagnostics", new PublishDiagnosticsParams(DocumentUri.FromPath(path), version, items));
    }

    public void Dispose() => _timer?.Dispose();
}
