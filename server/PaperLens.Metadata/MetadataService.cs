using PaperLens.Core.Catalog;
using PaperLens.Core.Identifiers;

namespace PaperLens.Metadata;

/// <summary>What one fetch learned: ids arXiv returned (now in the catalog), ids arXiv confirmed it
/// does not have (recorded as misses), and ids that could not be fetched this time (network faults;
/// the catalog is unchanged for them and they are retried later).</summary>
public sealed record FetchReport(IReadOnlyList<ArxivId> Found, IReadOnlyList<ArxivId> Missing, IReadOnlyList<ArxivId> Failed)
{
    public static FetchReport Empty { get; } = new([], [], []);
}

/// <summary>Progress of a fetch of many ids, batch by batch.</summary>
public sealed record FetchProgress(int Done, int Total);

/// <summary>The only door to arXiv for the CLI and the server: decides which ids need a request
/// (unknown, stale records, expired misses), fetches them politely in batches and writes what it
/// learned to the catalog. Never throws on network faults.</summary>
public sealed class MetadataService
{
    public MetadataService(PaperCatalog catalog, MetadataOptions options) =>
        throw new NotImplementedException("HELPER-META");

    /// <summary>Of <paramref name="ids"/>, those worth a request now: not in the catalog (and not a
    /// fresh confirmed miss), or a record / miss older than the refresh age. Empty when offline.</summary>
    public IReadOnlyList<ArxivId> NeedingFetch(IEnumerable<ArxivId> ids) =>
        throw new NotImplementedException("HELPER-META");

    /// <summary>Fetches <paramref name="ids"/> in id_list batches, paced across processes, and writes
    /// the results to the catalog (records and misses, each batch in one transaction).</summary>
    public Task<FetchReport> FetchAsync(IReadOnlyCollection<ArxivId> ids, IProgress<FetchProgress>? progress, CancellationToken cancellationToken) =>
        throw new NotImplementedException("HELPER-META");

    /// <summary>One arXiv title search (<c>search_query=ti:…</c>), its results added to the catalog;
    /// empty when offline or on a fault.</summary>
    public Task<IReadOnlyList<PaperRecord>> SearchTitlesAsync(string text, int limit, CancellationToken cancellationToken) =>
        throw new NotImplementedException("HELPER-META");
}
