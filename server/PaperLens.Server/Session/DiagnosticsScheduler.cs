using PaperLens.Core.Index;
using PaperLens.Core.Rules;
using PaperLens.Server.Handlers;
using PaperLens.Server.Protocol;
using PaperLens.Server.Transport;

namespace PaperLens.Server.Session;

/// <summary>Publishes diagnostics about 200 ms after the last change (typing does not recompute on every
/// keystroke). Any change can change any document's findings — a .bib entry resolves keys elsewhere, a
/// citation makes a mismatching title elsewhere "the title of" its paper, a fetch answers ids cited
/// everywhere — so each publication reads the snapshot's one workspace check and sends every document
/// whose findings or text changed since it was last published. Documents without findings that never
/// had any are not published. The open documents go first, each from its own check while the workspace's
/// is not made (<see cref="Core.Analysis.DocumentDiagnostics"/>): a session's first check of a large
/// workspace against arXiv's millions of papers takes minutes, and the document being typed in must not
/// wait for it.</summary>
internal sealed class DiagnosticsScheduler(LanguageServer server, TimeSpan delay) : IDisposable
{
    private readonly Lock _gate = new();
    // Timer callbacks can overlap; one publication at a time keeps an older snapshot's diagnostics
    // from arriving after a newer one's, and guards _published.
    private readonly Lock _publishing = new();
    // What each document was last published with. The findings are compared as offsets, which mean
    // the same ranges only in the same text: hence the document too (a new one after every edit).
    // The URI too: a notebook cell's is gone from the map once the cell closes, when it is cleared.
    private readonly Dictionary<string, (IndexedDocument Document, string Uri, IReadOnlyList<Diagnostic> Findings)> _published = new(StringComparer.Ordinal);
    private Timer? _timer;
    // Publications started: what a publication sends is stale once a later one has started.
    private long _generation;
    private int _waitingForCheck;
    // After shutdown: indexing or a change still under way publishes nothing.
    private bool _stopped;

    public void Schedule()
    {
        lock (_gate)
        {
            if (_stopped) return;
            _timer ??= new Timer(_ => Publish());
            _timer.Change(delay, Timeout.InfiniteTimeSpan);
        }
    }

    private void Publish()
    {
        var generation = Interlocked.Increment(ref _generation);
        if (!server.PushesDiagnostics || server.Rpc is not { IsDisposed: false } rpc) return;
        try
        {
            using (var snapshot = server.TakeSnapshot()) PublishOpen(rpc, snapshot, generation);
            PublishWorkspaceWhenChecked(rpc);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            server.Log(1, $"publishing diagnostics failed: {ex.Message}");
        }
    }

    private void PublishOpen(StreamJsonRpc.JsonRpc rpc, Snapshot snapshot, long generation)
    {
        var open = snapshot.Index.Documents.Values.Where(d => d.Version is not null).ToList();
        var findings = open.Select(d => snapshot.Analysis.DocumentDiagnostics(d.Path)).ToList();
        lock (_publishing)
        {
            if (generation != Volatile.Read(ref _generation)) return;
            for (var i = 0; i < open.Count; i++) PublishIfChanged(rpc, snapshot, open[i], findings[i]);
        }
    }

    /// <summary>Publishes the newest state's workspace check once it is made. One publication waits for it
    /// (the process makes one check at a time anyway, and each waiter would hold a pool thread for as long as
    /// a first check takes); the changes published meanwhile leave the rest to it, and a state that changed
    /// while it was checked is checked again, from that check.</summary>
    private void PublishWorkspaceWhenChecked(StreamJsonRpc.JsonRpc rpc)
    {
        while (Interlocked.CompareExchange(ref _waitingForCheck, 1, 0) == 0)
        {
            long published;
            try
            {
                while (true)
                {
                    published = Volatile.Read(ref _generation);
                    using var snapshot = server.TakeSnapshot();
                    snapshot.Analysis.CheckWorkspace();
                    lock (_publishing)
                    {
                        if (published != Volatile.Read(ref _generation)) continue;
                        PublishWorkspace(rpc, snapshot);
                        break;
                    }
                }
            }
            finally
            {
                Volatile.Write(ref _waitingForCheck, 0);
            }
            // A change that came after the last look found the waiter still there and left its workspace to it.
            if (published == Volatile.Read(ref _generation)) return;
        }
    }

    private void PublishWorkspace(StreamJsonRpc.JsonRpc rpc, Snapshot snapshot)
    {
        var index = snapshot.Index;
        foreach (var (gone, last) in _published.Where(p => index.Get(p.Key) is null).ToList())
        {
            _published.Remove(gone);
            Send(rpc, last.Uri, null, []);
        }
        foreach (var document in index.Documents.Values) PublishIfChanged(rpc, snapshot, document, snapshot.Analysis.Diagnostics(document.Path));
    }

    private void PublishIfChanged(StreamJsonRpc.JsonRpc rpc, Snapshot snapshot, IndexedDocument document, IReadOnlyList<Diagnostic> findings)
    {
        var unchanged = _published.TryGetValue(document.Path, out var last)
            ? ReferenceEquals(last.Document, document) && last.Findings.SequenceEqual(findings)
            : findings.Count == 0;
        if (unchanged) return;
        var items = DiagnosticsHandler.ToLsp(snapshot, document, findings);
        var uri = snapshot.Uri(document.Path);
        if (findings.Count == 0) _published.Remove(document.Path);
        else _published[document.Path] = (document, uri, findings);
        Send(rpc, uri, document.Version, items);
    }

    private static void Send(StreamJsonRpc.JsonRpc rpc, string uri, int? version, IReadOnlyList<LspDiagnostic> items) =>
        _ = rpc.SendNotificationAsync("textDocument/publishDiagnostics", new PublishDiagnosticsParams(uri, version, items), LspJson.Context.PublishDiagnosticsParams);

    public void Dispose()
    {
        lock (_gate)
        {
            _stopped = true;
            _timer?.Dispose();
        }
    }
}
