using Microsoft.Data.Sqlite;
using PaperLens.Core.Identifiers;

namespace PaperLens.Core.Catalog;

/// <summary>A run of writes holding the catalog: one transaction at a time, committed by
/// <see cref="CommitBatch"/> and <see cref="Complete"/>; whatever is not committed when it is disposed
/// is rolled back. A bulk write relaxes durability (a killed process loses at most the batch being written,
/// never the file: WAL with synchronous=OFF stays consistent unless the operating system itself crashes),
/// enlarges the page cache until disposed, and stages completion postings until <see cref="Complete"/>.</summary>
internal sealed class CatalogWrite : IDisposable
{
    // 64 MiB: a bulk write appends (papers in key order, full-text segments, staged completion tokens),
    // so a larger cache bought no speed, only memory.
    private const string BulkCacheKib = "-65536";

    private readonly SqliteConnection connection;
    private readonly string path;
    private readonly bool bulk;
    private readonly Action release;
    private readonly CatalogWriter writer;
    private readonly long normalCacheSize;
    private SqliteTransaction? transaction;

    public CatalogWrite(SqliteConnection connection, string path, bool bulk, Action release)
    {
        this.connection = connection;
        this.path = path;
        this.bulk = bulk;
        this.release = release;
        if (bulk)
        {
            normalCacheSize = Convert.ToInt64(Pragma("cache_size"), System.Globalization.CultureInfo.InvariantCulture);
            Pragma("synchronous = OFF");
            Pragma("cache_size = " + BulkCacheKib);
        }
        transaction = connection.BeginTransaction();
        writer = new CatalogWriter(connection, transaction, stageCompletion: bulk);
    }

    public UpsertOutcome Upsert(PaperRecord record) => Upsert(PreparedRecord.Of(record));

    public UpsertOutcome Upsert(PreparedRecord record)
    {
        try
        {
            return writer.Upsert(record);
        }
        catch (SqliteException ex)
        {
            throw PaperCatalog.Translate(path, ex);
        }
    }

    /// <summary>Remembers that arXiv has no paper <paramref name="id"/> as of <paramref name="checkedAt"/>
    /// (a later check of the same id moves the date forward, an earlier one changes nothing).</summary>
    public void RecordMiss(ArxivId id, DateTimeOffset checkedAt) => Execute(
        """
        INSERT INTO misses (id, checked_at) VALUES ($id, $at)
        ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at WHERE excluded.checked_at > misses.checked_at
        """, id, checkedAt);

    /// <summary>arXiv confirmed the stored record of <paramref name="id"/> at <paramref name="checkedAt"/>,
    /// even if the record it sent did not replace the stored one (<see cref="RecordPrecedence"/>): its
    /// fetch time moves forward so that its age counts from this check. A record from a .bib is left as is.</summary>
    public void RecordChecked(ArxivId id, DateTimeOffset checkedAt) => Execute(
        "UPDATE papers SET fetched_at = $at WHERE id = $id AND fetched_at < $at AND source <> 'bibtex'", id, checkedAt);

    /// <summary>A title search for <paramref name="query"/> was answered at <paramref name="at"/>.</summary>
    public void RecordTitleSearch(string query, DateTimeOffset at) => Translated(() =>
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            """
            INSERT INTO title_searches (query, searched_at) VALUES ($query, $at)
            ON CONFLICT (query) DO UPDATE SET searched_at = excluded.searched_at
            """;
        command.Transaction = transaction;
        command.Parameters.AddWithValue("$query", query);
        command.Parameters.AddWithValue("$at", PaperRowCodec.FormatFetchedAt(at));
        return command.ExecuteNonQuery();
    });

    /// <summary>Where an earlier, interrupted import of <paramref name="file"/> committed its last batch.</summary>
    public ImportPosition? FindCheckpoint(ImportedFile file) => Translated(() => ImportCheckpoints.Find(connection, transaction!, file));

    /// <summary>Records, in the transaction that <see cref="CommitBatch"/> commits next, how far the import
    /// of <paramref name="file"/> has got.</summary>
    public void SaveCheckpoint(ImportedFile file, ImportPosition position) =>
        Translated(() => ImportCheckpoints.Save(connection, transaction!, file, position));

    /// <summary>Forgets the checkpoint of <paramref name="file"/>, in the transaction <see cref="Complete"/> commits.</summary>
    public void ClearCheckpoint(ImportedFile file) => Translated(() => ImportCheckpoints.Clear(connection, transaction!, file));

    /// <summary>Commits what was written so far and carries on in a new transaction.</summary>
    public void CommitBatch()
    {
        Commit();
        transaction = connection.BeginTransaction();
        writer.Transaction = transaction;
    }

    public void Complete()
    {
        try
        {
            writer.FlushIndex();
            writer.MaintainCompletionIndex();
        }
        catch (SqliteException ex)
        {
            throw PaperCatalog.Translate(path, ex);
        }
        Commit();
    }

    private void Commit()
    {
        try
        {
            writer.FlushIndex();
            transaction!.Commit();
        }
        catch (SqliteException ex)
        {
            throw PaperCatalog.Translate(path, ex);
        }
        finally
        {
            transaction!.Dispose();
            transaction = null;
        }
    }

    public void Dispose()
    {
        try
        {
            writer.Dispose();
            transaction?.Dispose();
            if (bulk)
            {
                Pragma("synchronous = NORMAL");
                Pragma("cache_size = " + normalCacheSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        finally
        {
            release();
        }
    }

    private void Execute(string sql, ArxivId id, DateTimeOffset at)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.Parameters.AddWithValue("$id", id.Canonical);
        command.Parameters.AddWithValue("$at", PaperRowCodec.FormatFetchedAt(at));
        try
        {
            command.ExecuteNonQuery();
        }
        catch (SqliteException ex)
        {
            throw PaperCatalog.Translate(path, ex);
        }
    }

    private void Translated(Action action) => Translated(() =>
    {
        action();
        return true;
    });

    private T Translated<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (SqliteException ex)
        {
            throw PaperCatalog.Translate(path, ex);
        }
    }

    private object? Pragma(string setting)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + setting;
        return command.ExecuteScalar();
    }
}
