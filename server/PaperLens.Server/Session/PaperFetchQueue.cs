using PaperLens.Core.Features;
using PaperLens.Core.Identifiers;
using PaperLens.Metadata;

namespace PaperLens.Server.Session;

/// <summary>Looks up on arXiv, in the background, the cited papers the catalog lacks, so that no editor
/// request ever waits for the network. Ids are enqueued as documents are indexed and edited; one fetch
/// runs at a time and everything enqueued meanwhile is fetched together in the next one, ids from open
/// documents first. When a fetch teaches the catalog something (a record or a confirmed miss),
/// <c>landed</c> is called so the server can refresh what the editor shows.</summary>
public sealed class PaperFetchQueue : IPaperLookups, IDisposable
{
    /// <summary>At most this many ids per fetch, so that results land and refresh the editor while a
    /// large workspace is still being looked up.</summary>
    public const int MaxBatch = 200;

    /// <summary>An id whose lookup failed (network faults) is not tried again before this long.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(2);

    private readonly object _gate = new();
    private readonly Task<MetadataService> _service;
    private readonly Action<FetchReport> _landed;
    private readonly Action<int, string> _log;
    private readonly TimeProvider _clock;
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationToken _stopping;
    // Waiting ids in the order they came, open documents' ahead of the rest; each one's node, to move it.
    private readonly LinkedList<ArxivId> _waiting = new();
    private readonly Dictionary<ArxivId, LinkedListNode<ArxivId>> _queued = [];
    private readonly HashSet<ArxivId> _inFlight = [];
    // Looked at in this session and answered (in the catalog, fresh, fetched or confirmed missing):
    // edits re-enqueue every id of the document, and those cost a lookup in this set only.
    private readonly HashSet<ArxivId> _settled = [];
    private readonly Dictionary<ArxivId, DateTimeOffset> _failedAt = [];
    private bool _draining;

    public PaperFetchQueue(Task<MetadataService> service, Action<FetchReport> landed, Action<int, string> log, TimeProvider clock)
    {
        _service = service;
        _landed = landed;
        _log = log;
        _clock = clock;
        _stopping = _stop.Token;
    }

    /// <summary>Adds ids to look up; ids already answered in this session, being fetched, or recently
    /// failed are skipped. Returns at once: the fetch runs on the thread pool.</summary>
    public void Enqueue(IEnumerable<ArxivId> ids, bool fromOpenDocument)
    {
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested) return;
            var now = _clock.GetUtcNow();
            var ahead = fromOpenDocument ? _waiting.First : null;
            foreach (var id in ids)
            {
                if (_settled.Contains(id) || _inFlight.Contains(id)) continue;
                if (_failedAt.TryGetValue(id, out var failed) && now - failed < RetryAfter) continue;
                if (_queued.TryGetValue(id, out var queued))
                {
                    if (!fromOpenDocument || queued == ahead) continue;
                    _waiting.Remove(queued);
                }
                _queued[id] = ahead is null ? _waiting.AddLast(id) : _waiting.AddBefore(ahead, id);
            }
            if (_waiting.Count == 0 || _draining) return;
            _draining = true;
        }
        _ = Task.Run(DrainAsync);
    }

    /// <summary>Whether the id waits for a fetch or is being fetched now.</summary>
    public bool IsPending(ArxivId id)
    {
        lock (_gate) return _queued.ContainsKey(id) || _inFlight.Contains(id);
    }

    /// <summary>Whether the last lookup of the id failed (arXiv unreachable or answering with errors).</summary>
    public bool HasFailed(ArxivId id)
    {
        lock (_gate) return _failedAt.ContainsKey(id);
    }

    private async Task DrainAsync()
    {
        while (TakeBatch() is { } batch)
        {
            var (report, problem) = await FetchAsync(batch).ConfigureAwait(false);
            lock (_gate)
            {
                _inFlight.ExceptWith(batch);
                var now = _clock.GetUtcNow();
                foreach (var id in report?.Failed ?? batch) _failedAt[id] = now;
                if (report is not null)
                {
                    var failed = report.Failed.ToHashSet();
                    foreach (var id in batch.Where(id => !failed.Contains(id)))
                    {
                        _settled.Add(id);
                        _failedAt.Remove(id);
                    }
                }
            }
            // Told once the queue's state says so, so that whoever reads the log or refreshes sees it.
            if (problem is not null) _log(2, problem);
            if (report is { Found.Count: > 0 } or { Missing.Count: > 0 }) Notify(report);
        }
    }

    private List<ArxivId>? TakeBatch()
    {
        lock (_gate)
        {
            if (_waiting.Count == 0 || _stopping.IsCancellationRequested)
            {
                _draining = false;
                return null;
            }
            var batch = new List<ArxivId>(Math.Min(MaxBatch, _waiting.Count));
            while (batch.Count < MaxBatch && _waiting.First is { } first)
            {
                _waiting.RemoveFirst();
                _queued.Remove(first.Value);
                batch.Add(first.Value);
            }
            _inFlight.UnionWith(batch);
            return batch;
        }
    }

    /// <summary>The fetch of one batch and what went wrong, if anything (never thrown); the report is
    /// null when the fetch failed as a whole.</summary>
    private async Task<(FetchReport? Report, string? Problem)> FetchAsync(List<ArxivId> batch)
    {
        try
        {
            var service = await _service.ConfigureAwait(false);
            var needed = service.NeedingFetch(batch);
            if (needed.Count == 0) return (FetchReport.Empty, null);
            var report = await service.FetchAsync(needed, null, _stopping).ConfigureAwait(false);
            return report.Failed.Count == 0
                ? (report, null)
                : (report, $"arXiv lookup of {report.Failed.Count} of {needed.Count} papers failed ({report.Problem ?? "no reason given"}); they stay 'not in catalog' for now");
        }
        catch (Exception) when (_stopping.IsCancellationRequested)
        {
            // Stopped (shutdown, settings changed): whatever the cancelled fetch threw means nothing now.
            return (null, null);
        }
        catch (Exception ex)
        {
            return (null, $"arXiv lookup failed: {ex.Message}");
        }
    }

    private void Notify(FetchReport report)
    {
        try
        {
            _landed(report);
        }
        catch (Exception ex)
        {
            _log(2, $"refreshing after an arXiv lookup failed: {ex.Message}");
        }
    }

    /// <summary>Stops the queue: the fetch in flight is cancelled, nothing more is started.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested) return;
            _stop.Cancel();
        }
        _stop.Dispose();
    }
}
