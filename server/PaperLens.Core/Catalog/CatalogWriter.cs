using System.Globalization;
using Microsoft.Data.Sqlite;
using PaperLens.Core.Identifiers;
using PaperLens.Core.Text;

namespace PaperLens.Core.Catalog;

internal enum UpsertOutcome
{
    Inserted,
    Updated,
    Unchanged,
}

/// <summary>Writes records into the papers table and its full-text index with commands prepared once and
/// reused for every row. The caller owns the transaction, may swap it between batches, and must call
/// <see cref="FlushIndex"/> before each commit.</summary>
/// <remarks>Index entries are queued and written after the batch's rows: interleaving FTS5 inserts with
/// inserts into another table costs SQLite about twice the CPU time of the same work done in two runs
/// (measured on 100k snapshot records: 4.4 s against 2.0 s).</remarks>
internal sealed class CatalogWriter : IDisposable
{
    private readonly SqliteCommand select;
    private readonly RawStatement insert;
    private readonly SqliteCommand update;
    private readonly SqliteCommand ftsDelete;
    private readonly RawStatement ftsInsert;
    private readonly SqliteCommand[] all;
    private readonly List<IndexEntry> pendingIndex = [];

    public CatalogWriter(SqliteConnection connection, SqliteTransaction transaction)
    {
        select = Command(connection, $"SELECT key, {PaperRow.Columns} FROM papers WHERE id = $id", "$id");
        insert = new RawStatement(connection,
            $"INSERT INTO papers ({PaperRow.Columns}) VALUES ({PaperRow.Parameters}) ON CONFLICT (id) DO NOTHING RETURNING key");
        update = Command(connection, $"UPDATE papers SET {PaperRow.Assignments} WHERE id = $id");
        PaperRow.DeclareParameters(update);
        ftsDelete = Command(connection, "DELETE FROM papers_fts WHERE rowid = $key", "$key");
        ftsInsert = new RawStatement(connection, "INSERT INTO papers_fts (rowid, title, authors, id, year) VALUES (?1, ?2, ?3, ?4, ?5)");
        all = [select, update, ftsDelete];
        Transaction = transaction;
    }

    public SqliteTransaction Transaction
    {
        get => select.Transaction!;
        set
        {
            foreach (var command in all) command.Transaction = value;
        }
    }

    public UpsertOutcome Upsert(PreparedRecord prepared)
    {
        var (record, row, plainTitle, plainAuthors) = prepared;
        // Insert first: in a bulk import most records are new, and a conflict costs no more than the lookup.
        row.Bind(insert);
        if (insert.ExecuteInt64() is { } insertedKey)
        {
            pendingIndex.Add(new IndexEntry(insertedKey, record.Id, plainTitle, plainAuthors, Replaces: false));
            return UpsertOutcome.Inserted;
        }

        select.Parameters[0].Value = row.Id;
        long key;
        PaperRow existing;
        using (var reader = select.ExecuteReader())
        {
            reader.Read();
            key = reader.GetInt64(0);
            existing = PaperRow.Read(reader, 1);
        }
        if (existing.SameContent(row) || !RecordPrecedence.Replaces(record, PaperRowCodec.Decode(existing)))
            return UpsertOutcome.Unchanged;

        CompletionIndex.Remove(key, record.Id, TexText.ToPlain(existing.Title), TexText.ToPlain(existing.Authors));
        row.Bind(update);
        update.ExecuteNonQuery();
        pendingIndex.Add(new IndexEntry(key, record.Id, plainTitle, plainAuthors, Replaces: true));
        return UpsertOutcome.Updated;
    }

    /// <summary>Writes the queued index entries, in order. The index holds plain Unicode (<c>Bal\'azs</c>
    /// is searchable as Balázs and, through the tokenizer's diacritics folding, as Balazs), the id's tokens
    /// for id-prefix search and the year of submission.</summary>
    public void FlushIndex()
    {
        foreach (var entry in pendingIndex)
        {
            if (entry.Replaces)
            {
                ftsDelete.Parameters[0].Value = entry.Key;
                ftsDelete.ExecuteNonQuery();
            }
            ftsInsert.Bind(1, entry.Key);
            ftsInsert.Bind(2, entry.Title);
            ftsInsert.Bind(3, entry.Authors);
            ftsInsert.Bind(4, entry.Id.Canonical);
            ftsInsert.Bind(5, entry.Id.Year.ToString(CultureInfo.InvariantCulture));
            ftsInsert.ExecuteInt64();
        }
        // A paper inserted and replaced in one batch is indexed for completion as it ends up.
        CompletionIndex.Add(Enumerable.Reverse(pendingIndex).DistinctBy(e => e.Key).Select(e => (e.Key, e.Id, e.Title, e.Authors)));
        pendingIndex.Clear();
    }

    /// <summary>Rebuilds the completion index's top lists if this write left many papers outside them;
    /// called once at the end of a write, not per batch.</summary>
    public void MaintainCompletionIndex() => CompletionIndex.MaintainAfterWrite();

    private CompletionIndex CompletionIndex => new(select.Connection!, Transaction);

    private static SqliteCommand Command(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        return command;
    }

    public void Dispose()
    {
        foreach (var command in all) command.Dispose();
        insert.Dispose();
        ftsInsert.Dispose();
    }

    private readonly record struct IndexEntry(long Key, ArxivId Id, string Title, string Authors, bool Replaces);
}
