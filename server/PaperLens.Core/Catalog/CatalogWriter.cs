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
/// reused for every row. The caller owns the transaction and may swap it between batches.</summary>
internal sealed class CatalogWriter : IDisposable
{
    private readonly SqliteCommand select;
    private readonly SqliteCommand insert;
    private readonly SqliteCommand update;
    private readonly SqliteCommand ftsDelete;
    private readonly SqliteCommand ftsInsert;
    private readonly SqliteCommand[] all;

    public CatalogWriter(SqliteConnection connection, SqliteTransaction transaction)
    {
        select = Command(connection, $"SELECT key, {PaperRow.Columns} FROM papers WHERE id = $id", "$id");
        insert = Command(connection, $"INSERT INTO papers ({PaperRow.Columns}) VALUES ({PaperRow.Parameters}) RETURNING key");
        PaperRow.DeclareParameters(insert);
        update = Command(connection, $"UPDATE papers SET {PaperRow.Assignments} WHERE id = $id");
        PaperRow.DeclareParameters(update);
        ftsDelete = Command(connection, "DELETE FROM papers_fts WHERE rowid = $key", "$key");
        ftsInsert = Command(connection, "INSERT INTO papers_fts (rowid, title, authors, id, year) VALUES ($key, $title, $authors, $id, $year)",
            "$key", "$title", "$authors", "$id", "$year");
        all = [select, insert, update, ftsDelete, ftsInsert];
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

    public UpsertOutcome Upsert(PaperRecord record)
    {
        var row = PaperRowCodec.Encode(record);
        select.Parameters[0].Value = row.Id;
        long key;
        PaperRow? existing = null;
        using (var reader = select.ExecuteReader())
        {
            if (reader.Read())
            {
                key = reader.GetInt64(0);
                existing = PaperRow.Read(reader, 1);
            }
            else
            {
                key = 0;
            }
        }

        if (existing is not null
            && (existing.SameContent(row) || !RecordPrecedence.Replaces(record, PaperRowCodec.Decode(existing))))
            return UpsertOutcome.Unchanged;

        // Derived before anything is written, so a record whose text cannot be converted leaves no trace.
        var plainTitle = TexText.ToPlain(record.Title);
        var plainAuthors = TexText.ToPlain(record.Authors);
        if (existing is null)
        {
            row.Bind(insert);
            key = (long)insert.ExecuteScalar()!;
        }
        else
        {
            row.Bind(update);
            update.ExecuteNonQuery();
            ftsDelete.Parameters[0].Value = key;
            ftsDelete.ExecuteNonQuery();
        }
        Index(key, record.Id, plainTitle, plainAuthors);
        return existing is null ? UpsertOutcome.Inserted : UpsertOutcome.Updated;
    }

    /// <summary>The index holds plain Unicode (<c>Bal\'azs</c> is searchable as Balázs and, through the
    /// tokenizer's diacritics folding, as Balazs), the id's tokens for id-prefix search and the year of
    /// submission.</summary>
    private void Index(long key, ArxivId id, string plainTitle, string plainAuthors)
    {
        var p = ftsInsert.Parameters;
        p[0].Value = key;
        p[1].Value = plainTitle;
        p[2].Value = plainAuthors;
        p[3].Value = id.Canonical;
        p[4].Value = id.Year.ToString(CultureInfo.InvariantCulture);
        ftsInsert.ExecuteNonQuery();
    }

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
    }
}
