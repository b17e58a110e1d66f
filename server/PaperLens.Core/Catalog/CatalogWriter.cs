using Microsoft.Data.Sqlite;
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
/// <see cref="FlushIndex"/> before each commit. Completion tokens go into the completion index at once,
/// or, for a bulk write, to its staged postings (<see cref="CompletionIndex.MergeStaged"/>).</summary>
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
    private readonly RawStatement? stage;
    private readonly SqliteCommand[] all;
    private readonly List<IndexEntry> pendingIndex = [];

    public CatalogWriter(SqliteConnection connection, SqliteTransaction transaction, bool stageCompletion)
    {
        select = Command(connection, $"SELECT key, {PaperRow.Columns} FROM papers WHERE id = $id", "$id");
        insert = new RawStatement(connection,
            $"INSERT INTO papers ({PaperRow.Columns}) VALUES ({PaperRow.Parameters}) ON CONFLICT (id) DO NOTHING RETURNING key");
        update = Command(connection, $"UPDATE papers SET {PaperRow.Assignments} WHERE id = $id");
        PaperRow.DeclareParameters(update);
        ftsDelete = Command(connection, "DELETE FROM papers_fts WHERE rowid = $key", "$key");
        ftsInsert = new RawStatement(connection, "INSERT INTO papers_fts (rowid, title, authors, id, year) VALUES (?1, ?2, ?3, ?4, ?5)");
        stage = stageCompletion ? new RawStatement(connection, CompletionIndex.StageSql) : null;
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
        var (record, row) = (prepared.Record, prepared.Row);
        // Insert first: in a bulk import most records are new, and a conflict costs no more than the lookup.
        prepared.BindRow(insert);
        if (insert.ExecuteInt64() is { } insertedKey)
        {
            pendingIndex.Add(new IndexEntry(insertedKey, prepared.Index, Replaces: false));
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
        pendingIndex.Add(new IndexEntry(key, prepared.Index, Replaces: true));
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
            for (var text = 0; text < PreparedIndexEntry.FtsTexts; text++) entry.Index.Text.Bind(ftsInsert, text + 2, text);
            ftsInsert.ExecuteInt64();
        }
        if (stage is not null)
        {
            // Staged by key: a paper inserted and replaced in one batch keeps the tokens it ends up with.
            foreach (var entry in pendingIndex)
            {
                stage.Bind(1, entry.Key);
                stage.Bind(2, entry.Index.Score);
                entry.Index.Text.Bind(stage, 3, PreparedIndexEntry.TokensText);
                stage.ExecuteInt64();
            }
        }
        else
        {
            // A paper inserted and replaced in one batch is indexed for completion as it ends up.
            CompletionIndex.Add(Enumerable.Reverse(pendingIndex).DistinctBy(e => e.Key).Select(e => (e.Key, e.Index.Score, e.Index.Tokens)));
        }
        pendingIndex.Clear();
    }

    /// <summary>Brings the completion index up to date at the end of a write (not per batch): merges the
    /// staged postings of a bulk write, and rebuilds the top lists if many papers are outside them.</summary>
    public void MaintainCompletionIndex()
    {
        if (stage is not null) CompletionIndex.MergeStaged();
        CompletionIndex.MaintainAfterWrite();
    }

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
        stage?.Dispose();
    }

    private readonly record struct IndexEntry(long Key, PreparedIndexEntry Index, bool Replaces);
}
