using System.Collections.Concurrent;
using PaperLens.Core.Catalog;
using PaperLens.Core.Identifiers;

namespace PaperLens.Metadata;

/// <summary>What one fetch learned: ids arXiv returned (now in the catalog), ids arXiv confirmed it
/// does not have (recorded as misses), and ids that could not be fetched this time (network faults;
/// the catalog is unchanged for them and they are retried later).</summary>
public sealed record FetchReport(IReadOnlyList<ArxivId> Found, IReadOnlyList<ArxivId> Missing, IReadOnlyList<ArxivId> Failed)
{
    public static FetchReport Empty { get; } = new([], [], []);

    /// <summary>Why some ids failed (the last fault, one line), or null when none did.</summary>
    public string? Problem { get; init; }
}

/// <summary>What the title searches for claimed titles did: how many were sent, how many records they
/// brought, and the fault that stopped them, if one did.</summary>
public sealed record TitleSearchReport(int Searched, int Found, string? Problem);

/// <summary>Progress of a fetch of many ids, batch by batch.</summary>
public sealed record FetchProgress(int Done, int Total);

/// <summary>The only door to arXiv for the CLI and the server: decides which ids need a request
/// (unknown, stale records, expired misses), fetches them politely in batches and writes what it
/// learned to the catalog. Never throws on network faults.</summary>
public sealed class MetadataService : IDisposable
{
    private readonly PaperCatalog catalog;
    private readonly ArxivApiClient? client;
    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<PaperRecord>>>> searches = new(StringComparer.Ordinal);

    public MetadataService(PaperCatalog catalog, MetadataOptions options)
    {
        this.catalog = catalog;
        Options = options;
        if (!options.Offline)
        {
            var lockDirectory = options.LockDirectory ?? Path.GetDirectoryName(catalog.Path)!;
            client = new ArxivApiClient(options.ApiBase, options.RequestTimeout, lockDirectory, options.Clock);
        }
    }

    public MetadataOptions Options { get; }

    /// <summary>Of <paramref name="ids"/>, those worth a request now: not in the catalog, or only from a
    /// .bib file (unless a fresh confirmed miss), or a record / miss older than the refresh age. Empty
    /// when offline.</summary>
    public IReadOnlyList<ArxivId> NeedingFetch(IEnumerable<ArxivId> ids) =>
        client is null ? [] : catalog.NeedingFetch(ids, Options.Clock.GetUtcNow(), Options.RecordMaxAge, Options.MissMaxAge);

    /// <summary>Fetches <paramref name="ids"/> in id_list batches, paced across processes, and writes
    /// the results to the catalog (records and misses, each batch in one transaction, written only once
    /// its whole response has been read and parsed). When a batch fails on a transient fault (the
    /// network, an overloaded service) the remaining batches are not tried: they would fail the same
    /// way, slowly. Offline, every id is reported failed without a request.</summary>
    /// <exception cref="OperationCanceledException">Cancelled; the batches written so far stay written.</exception>
    public async Task<FetchReport> FetchAsync(IReadOnlyCollection<ArxivId> ids, IProgress<FetchProgress>? progress, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0) return FetchReport.Empty;
        if (client is null) return new FetchReport([], [], wanted) { Problem = "offline: no request made" };

        List<ArxivId> found = [], missing = [], failed = [];
        string? problem = null;
        var givenUp = false;
        var done = 0;
        progress?.Report(new FetchProgress(0, wanted.Count));
        foreach (var batch in wanted.Chunk(ArxivApiClient.BatchSize))
        {
            if (givenUp)
            {
                failed.AddRange(batch);
            }
            else
            {
                try
                {
                    var records = await client.FetchAsync(batch, cancellationToken).ConfigureAwait(false);
                    var returned = records.Select(r => r.Id).ToHashSet();
                    var absent = batch.Where(id => !returned.Contains(id)).ToList();
                    catalog.RecordFetched(records, absent, Options.Clock.GetUtcNow());
                    found.AddRange(batch.Where(returned.Contains));
                    missing.AddRange(absent);
                }
                catch (ArxivApiException e)
                {
                    failed.AddRange(batch);
                    problem = e.Message;
                    givenUp = e.Transient;
                }
            }
            done += batch.Length;
            progress?.Report(new FetchProgress(done, wanted.Count));
        }
        return new FetchReport(found, missing, failed) { Problem = problem };
    }

    /// <summary>One arXiv title search (<c>search_query=ti:…</c>), its results added to the catalog;
    /// empty when offline or on a fault. A query (its words and the limit) is asked at most once in the
    /// life of the process: asking again returns the first answer.</summary>
    public async Task<IReadOnlyList<PaperRecord>> SearchTitlesAsync(string text, int limit, CancellationToken cancellationToken)
    {
        var words = ArxivApiClient.TitleWords(text);
        if (client is null || limit <= 0 || words.Count == 0) return [];
        var key = limit.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + string.Join(' ', words);
        var search = searches.GetOrAdd(key, _ => new Lazy<Task<IReadOnlyList<PaperRecord>>>(() => SearchOnceAsync(client, words, limit)));
        return await search.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    // Not cancelled by the caller that started it: the answer is shared by every caller of the same query.
    private async Task<IReadOnlyList<PaperRecord>> SearchOnceAsync(ArxivApiClient api, List<string> words, int limit)
    {
        try
        {
            var records = await api.SearchTitlesAsync(words, limit, CancellationToken.None).ConfigureAwait(false);
            catalog.RecordFetched(records, [], Options.Clock.GetUtcNow());
            return records;
        }
        catch (ArxivApiException)
        {
            return [];
        }
    }

    /// <summary>Results asked of one search for a claimed title: the paper, and a few near namesakes for
    /// the check to choose from.</summary>
    public const int ClaimedTitleResults = 5;

    /// <summary>For title claims that match neither their paper nor any paper the catalog knows (PL003):
    /// one arXiv title search each (<c>ti:</c> for every word), paced like every request, unless the
    /// same search was answered within the miss age. Each answer (its records, and that the search was
    /// made, even when it found nothing) is written to the catalog in one transaction, so the check can
    /// then find the paper there. At most <paramref name="most"/> searches; a fault stops the rest, which
    /// are tried again next time. Offline, nothing.</summary>
    public async Task<TitleSearchReport> SearchClaimedTitlesAsync(IEnumerable<string> titles, int most, CancellationToken cancellationToken)
    {
        if (client is null) return new TitleSearchReport(0, 0, null);
        int searched = 0, found = 0;
        foreach (var words in titles.Select(ArxivApiClient.TitleWords).Where(w => w.Count > 0).DistinctBy(w => string.Join(' ', w)))
        {
            var query = string.Join(' ', words);
            if (!catalog.TitleSearchNeeded(query, Options.Clock.GetUtcNow(), Options.MissMaxAge)) continue;
            if (searched == most) break;
            searched++;
            try
            {
                var records = await client.SearchTitlesAsync(words, ClaimedTitleResults, cancellationToken).ConfigureAwait(false);
                catalog.RecordTitleSearch(query, records, Options.Clock.GetUtcNow());
                found += records.Count;
            }
            catch (ArxivApiException e)
            {
                return new TitleSearchReport(searched, found, e.Message);
            }
        }
        return new TitleSearchReport(searched, found, null);
    }

    public void Dispose() => client?.Dispose();
}
