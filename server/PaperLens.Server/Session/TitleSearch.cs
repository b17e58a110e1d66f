using PaperLens.Core.Completion;
using PaperLens.Metadata;

namespace PaperLens.Server.Session;

/// <summary>Title completion beyond the catalog: when completion finds few matches in the catalog for a
/// query of a few letters, one arXiv title search runs in the background and adds what it finds to the
/// catalog. The completion request never waits for it; its list says it is incomplete, so the editor
/// asks again as the user types and the next list shows the papers the search added. One search at a time, and never
/// the same words twice in a session.</summary>
public sealed class TitleSearch : ITitleSearch, IDisposable
{
    /// <summary>Papers asked of one search.</summary>
    public const int Limit = 20;

    // Words searched in this session; a bound keeps a long session's memory flat.
    private const int RememberedQueries = 1000;

    private readonly object _gate = new();
    private readonly Task<MetadataService> _service;
    private readonly Action<int, string> _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationToken _stopping;
    private readonly HashSet<string> _searched = new(StringComparer.Ordinal);
    private bool _running;

    public TitleSearch(Task<MetadataService> service, Action<int, string> log)
    {
        _service = service;
        _log = log;
        _stopping = _stop.Token;
    }

    /// <summary>Starts a search for the query's words unless one is running (then the client should ask
    /// again too) or these words were searched already. Completion decides which queries are worth it
    /// (<see cref="PaperCompletion.TitleSearchQuery"/>).</summary>
    public bool Offer(CompletionQuery query)
    {
        var words = string.Join(' ', query.Words);
        lock (_gate)
        {
            if (_running) return true;
            if (_stopping.IsCancellationRequested || _searched.Contains(words)) return false;
            if (_searched.Count >= RememberedQueries) _searched.Clear();
            _searched.Add(words);
            _running = true;
        }
        _ = Task.Run(() => SearchAsync(words));
        return true;
    }

    private async Task SearchAsync(string words)
    {
        (int Level, string Message) outcome;
        try
        {
            var service = await _service.ConfigureAwait(false);
            var found = await service.SearchTitlesAsync(words, Limit, _stopping).ConfigureAwait(false);
            outcome = (3, $"arXiv title search '{words}': {found.Count} papers");
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            outcome = (2, $"arXiv title search '{words}' failed: {ex.Message}");
        }
        finally
        {
            lock (_gate) _running = false;
        }
        // Logged once the next search may start, so a client that saw the log sees a settled search.
        _log(outcome.Level, outcome.Message);
    }

    /// <summary>Stops: the search in flight is cancelled, none is started.</summary>
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
