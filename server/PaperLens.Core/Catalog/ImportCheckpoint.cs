using System.Globalization;
using Microsoft.Data.Sqlite;

namespace PaperLens.Core.Catalog;

/// <summary>A file being imported, known by its full path, size and modification time: a file changed
/// since an interrupted import is a different file, and its import starts over.</summary>
internal sealed record ImportedFile(string Path, long Size, DateTime ModifiedUtc)
{
    public static ImportedFile Of(string path, long size) =>
        new(System.IO.Path.GetFullPath(path), size, File.GetLastWriteTimeUtc(path));

    public string Modified => ModifiedUtc.ToString("O", CultureInfo.InvariantCulture);
}

/// <summary>How far an import has committed: everything up to <see cref="Line"/> (the 1-based number of
/// the last line, or JSON array element, read) is in the catalog, and the next line starts at byte
/// <see cref="Offset"/> of the decompressed content (unused for a JSON array, whose elements are counted).</summary>
internal readonly record struct ImportPosition(long Line, long Offset)
{
    public static readonly ImportPosition Start = new(0, 0);
}

/// <summary>The <c>import_checkpoints</c> table (migration 3), read and written inside the import's own
/// transactions: a checkpoint is committed together with the batch it describes, so after a kill the
/// catalog holds exactly the records before it.</summary>
internal static class ImportCheckpoints
{
    public static ImportPosition? Find(SqliteConnection connection, SqliteTransaction transaction, ImportedFile file)
    {
        using var select = Command(connection, transaction,
            "SELECT line, offset FROM import_checkpoints WHERE path = $path AND size = $size AND modified = $modified", file);
        using var reader = select.ExecuteReader();
        return reader.Read() ? new ImportPosition(reader.GetInt64(0), reader.GetInt64(1)) : null;
    }

    /// <summary>Records the position, replacing any checkpoint of an earlier version of the same path.</summary>
    public static void Save(SqliteConnection connection, SqliteTransaction transaction, ImportedFile file, ImportPosition position)
    {
        using var upsert = Command(connection, transaction,
            """
            INSERT INTO import_checkpoints (path, size, modified, line, offset) VALUES ($path, $size, $modified, $line, $offset)
            ON CONFLICT (path) DO UPDATE SET size = excluded.size, modified = excluded.modified, line = excluded.line, offset = excluded.offset
            """, file);
        upsert.Parameters.AddWithValue("$line", position.Line);
        upsert.Parameters.AddWithValue("$offset", position.Offset);
        upsert.ExecuteNonQuery();
    }

    public static void Clear(SqliteConnection connection, SqliteTransaction transaction, ImportedFile file)
    {
        using var delete = Command(connection, transaction, "DELETE FROM import_checkpoints WHERE path = $path", file);
        delete.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, ImportedFile file)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        // Parameters a statement does not name are ignored.
        command.Parameters.AddWithValue("$path", file.Path);
        command.Parameters.AddWithValue("$size", file.Size);
        command.Parameters.AddWithValue("$modified", file.Modified);
        return command;
    }
}
