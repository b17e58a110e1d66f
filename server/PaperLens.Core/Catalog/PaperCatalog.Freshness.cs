using System.Text.Json;
using PaperLens.Core.Identifiers;

namespace PaperLens.Core.Catalog;

/// <summary>What the arXiv client asks of the catalog: which ids its knowledge is too old for, and one
/// transaction per API response for what that response said.</summary>
public sealed partial class PaperCatalog
{
    /// <summary>Of <paramref name="ids"/> (each once, in the order given), those worth asking arXiv about
    /// at <paramref name="now"/>: an id the catalog knows nothing of; a record fetched more than
    /// <paramref name="recordMaxAge"/> ago (new versions appear); a record read from a .bib (arXiv's own
    /// is wanted); a confirmed miss checked more than <paramref name="missMaxAge"/> ago (ids appear).</summary>
    public IReadOnlyList<ArxivId> NeedingFetch(IEnumerable<ArxivId> ids, DateTimeOffset now, TimeSpan recordMaxAge, TimeSpan missMaxAge)
    {
        var wanted = new Dictionary<string, ArxivId>(StringComparer.Ordinal);
        foreach (var id in ids) wanted.TryAdd(id.Canonical, id);
        if (wanted.Count == 0) return [];
        return Run(() =>
        {
            // fetched_at and checked_at are fixed-width ISO 8601 UTC text: they compare as they sort.
            using var command = Command(
                """
                SELECT w.value FROM json_each($ids) w
                LEFT JOIN papers p ON p.id = w.value
                LEFT JOIN misses m ON m.id = w.value
                WHERE CASE WHEN p.id IS NOT NULL AND p.source <> $bibtex THEN p.fetched_at < $records_before
                           ELSE m.id IS NULL OR m.checked_at < $misses_before END
                ORDER BY w.key
                """);
            command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(wanted.Keys, CatalogJson.Default.IEnumerableString));
            command.Parameters.AddWithValue("$bibtex", PaperRowCodec.SourceName(RecordSource.Bibtex));
            command.Parameters.AddWithValue("$records_before", PaperRowCodec.FormatFetchedAt(now - recordMaxAge));
            command.Parameters.AddWithValue("$misses_before", PaperRowCodec.FormatFetchedAt(now - missMaxAge));
            using var reader = command.ExecuteReader();
            var stale = new List<ArxivId>();
            while (reader.Read()) stale.Add(wanted[reader.GetString(0)]);
            return stale;
        });
    }

    /// <summary>Whether a title search for <paramref name="query"/> is worth sending at <paramref name="now"/>:
    /// never sent, or answered more than <paramref name="maxAge"/> ago (papers appear).</summary>
    public bool TitleSearchNeeded(string query, DateTimeOffset now, TimeSpan maxAge) => Run(() =>
    {
        using var command = Command("SELECT NOT EXISTS (SELECT 1 FROM title_searches WHERE query = $query AND searched_at >= $since)");
        command.Parameters.AddWithValue("$query", query);
        command.Parameters.AddWithValue("$since", PaperRowCodec.FormatFetchedAt(now - maxAge));
        return (long)command.ExecuteScalar()! != 0;
    });

    /// <summary>Writes the answer to a title search in one transaction: the records it found, and that the
    /// search was answered (even with nothing).</summary>
    public void RecordTitleSearch(string query, IReadOnlyCollection<PaperRecord> records, DateTimeOffset checkedAt)
    {
        using var write = BeginWrite(bulk: false);
        foreach (var record in records)
        {
            write.Upsert(record);
            write.RecordChecked(record.Id, checkedAt);
        }
        write.RecordTitleSearch(query, checkedAt);
        write.Complete();
    }

    /// <summary>Writes what one arXiv API response said, in one transaction: its records (by the usual
    /// precedence; each counts as checked at <paramref name="checkedAt"/> either way) and the ids it
    /// confirmed arXiv does not have. Either all of it reaches the catalog or none of it.</summary>
    public void RecordFetched(IReadOnlyCollection<PaperRecord> records, IReadOnlyCollection<ArxivId> misses, DateTimeOffset checkedAt)
    {
        using var write = BeginWrite(bulk: false);
        foreach (var record in records)
        {
            write.Upsert(record);
            write.RecordChecked(record.Id, checkedAt);
        }
        foreach (var id in misses) write.RecordMiss(id, checkedAt);
        write.Complete();
    }
}
