using PaperLens.Core.Catalog;

namespace PaperLens.Server.Session;

/// <summary>A catalog shared by the session and everything reading it: the session holds it while it
/// is the current one, each <see cref="Snapshot"/> and the arXiv lookups take a <see cref="CatalogLease"/>.
/// Whoever lets go last closes it, so switching catalogs never closes a connection under a read still
/// in flight (the read finishes on the catalog it started with). The catalog is opened on first use
/// (<paramref name="open"/>) and may still be opening: a lease can be taken at once, and a catalog whose
/// last holder left before it was open is closed as soon as it is.</summary>
internal sealed class SharedCatalog(Func<Task<PaperCatalog>> open)
{
    private readonly Lazy<Task<PaperCatalog>> _opening = new(open);

    // The session's own hold counts as one: released by Retire when another catalog replaces this one.
    private int _holders = 1;

    public Task<PaperCatalog> Opening => _opening.Value;

    /// <summary>A lease for a reader. Only the session takes leases, on its current catalog, so the
    /// count cannot have reached zero yet.</summary>
    public CatalogLease Lease()
    {
        Interlocked.Increment(ref _holders);
        return new CatalogLease(this);
    }

    /// <summary>The session no longer reads this catalog: it closes once the last lease is returned.</summary>
    public void Retire() => Release();

    internal void Release()
    {
        if (Interlocked.Decrement(ref _holders) != 0 || !_opening.IsValueCreated) return;
        _ = _opening.Value.ContinueWith(opened => opened.Result.Dispose(), CancellationToken.None,
            TaskContinuationOptions.OnlyOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}

/// <summary>One reader's hold on a <see cref="SharedCatalog"/>; disposing it more than once is harmless.</summary>
internal sealed class CatalogLease(SharedCatalog shared) : IDisposable
{
    private int _returned;

    public Task<PaperCatalog> Opening => shared.Opening;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _returned, 1) == 0) shared.Release();
    }
}
