using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using PaperLens.Core.Completion;
using PaperLens.Core.Identifiers;

namespace PaperLens.Core.Catalog;

/// <summary>The local catalog of paper metadata: one SQLite file (WAL, 5 s busy timeout, versioned
/// schema) with every field of the arXiv snapshot layout, a full-text index over titles and authors,
/// and the ids arXiv confirmed it does not have. Safe to share between threads: calls are serialised
/// on the one connection. A catalog that cannot be read raises <see cref="CatalogException"/>.</summary>
public sealed partial class PaperCatalog : IPaperSource, IDisposable
{
    private static readonly string QualifiedColumns = string.Join(", ", PaperRow.Columns.Split(", ").Select(c => "p." + c));

    // Enough for the papers of a screen of hovers and a completion list's documentation.
    private const int RecentRecordsKept = 256;

    private readonly SqliteConnection connection;
    private readonly Lock gate = new();
    private readonly RecentRecords recent = new(RecentRecordsKept);
    private SqliteCommand? dataVersion;
    private long writes;
    private bool disposed;

    private PaperCatalog(string path, SqliteConnection connection)
    {
        Path = path;
        this.connection = connection;
    }

    /// <summary>The catalog file's full path.</summary>
    public string Path { get; }

    /// <summary>Opens the catalog at <paramref name="path"/>, creating the directory and the file if
    /// they are missing; a new catalog starts with the bundled papers. Refuses, without writing to it,
    /// a file that is not a PaperLens catalog, a damaged one, or one from a newer PaperLens.</summary>
    public static PaperCatalog Open(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        CatalogFileCheck.EnsureUsable(fullPath);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw CatalogException.Unusable(fullPath, "cannot create its directory: " + OneLine(ex.Message), ex);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 5,
        }.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA busy_timeout = 5000");
            EnsureOurs(connection, fullPath);
            // Only a new, empty file takes it (WAL mode fixes the size once set). A page of papers ends
            // with the part of a row that did not fit, and rows are about a kilobyte (abstracts
            // compressed): 100k papers vacuumed took 160 MB in 4 KiB pages, 153 MB in 8 KiB, 150 MB in
            // 16 KiB; but importing them took a quarter longer in 16 KiB pages than in 8 KiB (each
            // change to the full-text and completion indexes writes a whole page to the WAL).
            Execute(connection, "PRAGMA page_size = 8192");
            Execute(connection, "PRAGMA journal_mode = WAL");
            Execute(connection, "PRAGMA synchronous = NORMAL");
            Execute(connection, "PRAGMA foreign_keys = ON");
            Migrate(connection, fullPath);
            return new PaperCatalog(fullPath, connection);
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw Translate(fullPath, ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The record of one paper; one asked for recently comes from memory while the catalog is
    /// unchanged (<see cref="RecentRecords"/>).</summary>
    public PaperRecord? Find(ArxivId id) => Run(() =>
    {
        var version = CurrentVersion();
        if (recent.Get(id.Canonical, version) is { } known) return known;
        using var command = Command($"SELECT {PaperRow.Columns} FROM papers WHERE id = $id");
        command.Parameters.AddWithValue("$id", id.Canonical);
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        var record = PaperRowCodec.Decode(PaperRow.Read(reader, 0));
        recent.Add(record, version);
        return record;
    });

    /// <summary>The state of the catalog's content now: a later equal version means nothing was written
    /// since, by this process or another.</summary>
    public CatalogVersion Version => Run(CurrentVersion);

    /// <summary>The catalog's records for the given ids (those it has), in one query.</summary>
    public IReadOnlyDictionary<ArxivId, PaperRecord> FindMany(IEnumerable<ArxivId> ids)
    {
        var wanted = new Dictionary<string, ArxivId>(StringComparer.Ordinal);
        foreach (var id in ids) wanted.TryAdd(id.Canonical, id);
        var found = new Dictionary<ArxivId, PaperRecord>(wanted.Count);
        if (wanted.Count == 0) return found;
        return Run(() =>
        {
            using var command = Command($"SELECT {PaperRow.Columns} FROM papers WHERE id IN (SELECT value FROM json_each($ids))");
            command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(wanted.Keys, CatalogJson.Default.IEnumerableString));
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var record = PaperRowCodec.Decode(PaperRow.Read(reader, 0));
                found[wanted[record.Id.Canonical]] = record;
            }
            return found;
        });
    }

    /// <summary>arXiv said it has no such paper, and the catalog has not learnt of it since.</summary>
    public bool IsConfirmedMiss(ArxivId id) => Run(() =>
    {
        using var command = Command(
            "SELECT EXISTS (SELECT 1 FROM misses WHERE id = $id) AND NOT EXISTS (SELECT 1 FROM papers WHERE id = $id)");
        command.Parameters.AddWithValue("$id", id.Canonical);
        return (long)command.ExecuteScalar()! != 0;
    });

    /// <summary>Which of <paramref name="ids"/> are confirmed misses, in one query.</summary>
    public IReadOnlySet<ArxivId> ConfirmedMisses(IEnumerable<ArxivId> ids)
    {
        var wanted = new Dictionary<string, ArxivId>(StringComparer.Ordinal);
        foreach (var id in ids) wanted.TryAdd(id.Canonical, id);
        var misses = new HashSet<ArxivId>();
        if (wanted.Count == 0) return misses;
        return Run(() =>
        {
            using var command = Command(
                "SELECT m.id FROM misses m WHERE m.id IN (SELECT value FROM json_each($ids)) AND NOT EXISTS (SELECT 1 FROM papers p WHERE p.id = m.id)");
            command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(wanted.Keys, CatalogJson.Default.IEnumerableString));
            using var reader = command.ExecuteReader();
            while (reader.Read()) misses.Add(wanted[reader.GetString(0)]);
            return misses;
        });
    }

    /// <summary>Remembers that arXiv has no paper <paramref name="id"/> (as of <paramref name="checkedAt"/>;
    /// a later check of the same id moves the date forward).</summary>
    public void RecordMiss(ArxivId id, DateTimeOffset checkedAt)
    {
        using var write = BeginWrite(bulk: false);
        write.RecordMiss(id, checkedAt);
        write.Complete();
    }

    /// <summary>Adds or refreshes records in one transaction. A record replaces the stored one only when
    /// it is newer (<see cref="RecordPrecedence"/>), and one read from a .bib file never replaces arXiv's;
    /// giving the same records twice changes nothing.</summary>
    public UpsertCounts Upsert(IEnumerable<PaperRecord> records)
    {
        using var write = BeginWrite(bulk: false);
        long inserted = 0, updated = 0, unchanged = 0;
        foreach (var record in records)
        {
            switch (write.Upsert(record))
            {
                case UpsertOutcome.Inserted: inserted++; break;
                case UpsertOutcome.Updated: updated++; break;
                default: unchanged++; break;
            }
        }
        write.Complete();
        return new UpsertCounts(inserted, updated, unchanged);
    }

    /// <summary>Papers whose title, authors, id or year of submission match every word of
    /// <paramref name="query"/> (each word as a prefix: <c>mamb gu 2023</c>, <c>2312.007</c>), best first.
    /// Any text is a valid query; text with no word in it finds nothing.</summary>
    public IReadOnlyList<PaperRecord> Search(string query, int limit)
    {
        if (limit <= 0 || FtsQuery.Build(query) is not { } match) return [];
        return Run(() =>
        {
            // Weights: a title hit counts most, then an author, then the id and the year.
            using var command = Command(
                $"""
                SELECT {QualifiedColumns} FROM papers_fts JOIN papers p ON p.key = papers_fts.rowid
                WHERE papers_fts MATCH $match
                ORDER BY bm25(papers_fts, 10.0, 5.0, 2.0, 1.0), p.id
                LIMIT $limit
                """);
            command.Parameters.AddWithValue("$match", match);
            command.Parameters.AddWithValue("$limit", limit);
            using var reader = command.ExecuteReader();
            var results = new List<PaperRecord>();
            while (reader.Read()) results.Add(PaperRowCodec.Decode(PaperRow.Read(reader, 0)));
            return results;
        });
    }

    /// <summary>Completion: up to <paramref name="limit"/> papers matching every term of
    /// <paramref name="query"/> (<see cref="CompletionQuery"/>), those in <paramref name="preferredIds"/>
    /// (canonical ids) first, then newest first; see <see cref="CompletionIndex"/> for how it stays fast.</summary>
    public CompletionMatches Complete(CompletionQuery query, int limit, IReadOnlyCollection<string> preferredIds)
    {
        if (limit <= 0) return new CompletionMatches([], false);
        return Run(() =>
        {
            var (keys, more) = new CompletionIndex(connection).Find(query, limit, preferredIds);
            if (keys.Count == 0) return new CompletionMatches([], more);
            using var command = Command($"SELECT key, {PaperRow.Columns} FROM papers WHERE key IN (SELECT value FROM json_each($keys))");
            command.Parameters.AddWithValue("$keys", JsonSerializer.Serialize(keys, CatalogJson.Default.IEnumerableInt64));
            var byKey = new Dictionary<long, PaperRecord>(keys.Count);
            using var reader = command.ExecuteReader();
            while (reader.Read()) byKey[reader.GetInt64(0)] = PaperRowCodec.Decode(PaperRow.Read(reader, 1));
            return new CompletionMatches(keys.Where(byKey.ContainsKey).Select(k => byKey[k]).ToList(), more);
        });
    }

    public long Count() => Run(() =>
    {
        using var command = Command("SELECT count(*) FROM papers");
        return (long)command.ExecuteScalar()!;
    });

    /// <summary>Takes the catalog for a run of writes in one transaction (committed batch by batch when
    /// <paramref name="bulk"/>, with durability relaxed and a larger page cache for the duration). Other
    /// calls wait until it is disposed.</summary>
    internal CatalogWrite BeginWrite(bool bulk)
    {
        gate.Enter();
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return new CatalogWrite(connection, Path, bulk, () =>
            {
                writes++;
                gate.Exit();
            });
        }
        catch (SqliteException ex)
        {
            gate.Exit();
            throw Translate(Path, ex);
        }
        catch
        {
            gate.Exit();
            throw;
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (disposed) return;
            disposed = true;
            dataVersion?.Dispose();
            connection.Dispose();
        }
    }

    private T Run<T>(Func<T> query)
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            try
            {
                return query();
            }
            catch (SqliteException ex)
            {
                throw Translate(Path, ex);
            }
        }
    }

    // Under the lock. data_version moves only for other connections' commits; this one's are counted in writes.
    private CatalogVersion CurrentVersion()
    {
        dataVersion ??= Command("PRAGMA data_version");
        return new CatalogVersion(Convert.ToInt64(dataVersion.ExecuteScalar(), CultureInfo.InvariantCulture), writes);
    }

    private SqliteCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private static void EnsureOurs(SqliteConnection connection, string path)
    {
        var applicationId = Scalar(connection, "PRAGMA application_id");
        var version = Scalar(connection, "PRAGMA user_version");
        var objects = Scalar(connection, "SELECT count(*) FROM sqlite_schema");
        if (applicationId != CatalogSchema.ApplicationId && (applicationId != 0 || version != 0 || objects != 0))
            throw CatalogException.NotACatalog(path, "it is a SQLite database with other tables");
        if (version > CatalogSchema.Latest) throw CatalogException.TooNew(path, version, CatalogSchema.Latest);
    }

    /// <summary>Brings the schema up to date in one transaction (another process opening the same new
    /// file waits on the write lock, then finds the work done), seeding a new catalog with the bundled papers.</summary>
    private static void Migrate(SqliteConnection connection, string path)
    {
        using var transaction = connection.BeginTransaction();
        var version = Scalar(connection, "PRAGMA user_version", transaction);
        if (version > CatalogSchema.Latest) throw CatalogException.TooNew(path, version, CatalogSchema.Latest);
        if (version == CatalogSchema.Latest) return;

        for (var next = (int)version; next < CatalogSchema.Latest; next++)
            Execute(connection, CatalogSchema.Migrations[next], transaction);
        if (version is > 0 and < 6) new CompletionIndex(connection, transaction).BuildFromPapers();
        // PRAGMA takes no parameters; both values are constants of this program.
        Execute(connection, "PRAGMA application_id = " + CatalogSchema.ApplicationId.ToString(CultureInfo.InvariantCulture), transaction);
        Execute(connection, "PRAGMA user_version = " + CatalogSchema.Latest.ToString(CultureInfo.InvariantCulture), transaction);
        if (version == 0)
        {
            using var writer = new CatalogWriter(connection, transaction, stageCompletion: false);
            foreach (var record in BundledSeed.Records(DateTimeOffset.UtcNow)) writer.Upsert(PreparedRecord.Of(record));
            writer.FlushIndex();
        }
        transaction.Commit();
    }

    internal static CatalogException Translate(string path, SqliteException ex) => ex.SqliteErrorCode switch
    {
        26 => CatalogException.NotACatalog(path, "file is not a database", ex),
        11 => CatalogException.NotACatalog(path, "the database is damaged: " + OneLine(ex.Message), ex),
        5 or 6 => CatalogException.Unusable(path, "it is locked by another process", ex),
        8 => CatalogException.Unusable(path, "the file or its directory is read-only", ex),
        13 => CatalogException.Unusable(path, "the disk is full", ex),
        14 => CatalogException.Unusable(path, "the file cannot be opened", ex),
        _ => CatalogException.Unusable(path, OneLine(ex.Message), ex),
    };

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();

    private static long Scalar(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }
}
