using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace PaperLens.Core.Catalog;

/// <summary>A statement prepared once on the connection's own SQLite handle and bound by position. The
/// import's per-record statements use it: Microsoft.Data.Sqlite looks every parameter up by name and
/// builds a data reader on each execution, which was about a third of an import's writing time. Its rows
/// can also be read in place (<see cref="Step"/>), for scans of millions of rows.</summary>
internal sealed class RawStatement : IDisposable
{
    private const int Row = 100;
    private const int Done = 101;

    private readonly sqlite3 database;
    private readonly sqlite3_stmt statement;

    public RawStatement(SqliteConnection connection, string sql)
    {
        database = connection.Handle!;
        var rc = raw.sqlite3_prepare_v2(database, sql, out statement);
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, database);
    }

    /// <summary>Binds parameter <paramref name="index"/> (1-based, in the order the SQL names them).</summary>
    public void Bind(int index, string? text)
    {
        var rc = text is null ? raw.sqlite3_bind_null(statement, index) : raw.sqlite3_bind_text(statement, index, text);
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, database);
    }

    /// <summary>Binds UTF-8 text (copied by SQLite).</summary>
    public void Bind(int index, ReadOnlySpan<byte> utf8)
    {
        // An empty span has no address, which SQLite would read as NULL: bind the empty string instead.
        var rc = utf8.IsEmpty ? raw.sqlite3_bind_text(statement, index, "") : raw.sqlite3_bind_text(statement, index, utf8);
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, database);
    }

    /// <summary>Binds bytes as a BLOB (copied by SQLite).</summary>
    public void BindBlob(int index, ReadOnlySpan<byte> bytes)
    {
        var rc = raw.sqlite3_bind_blob(statement, index, bytes);
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, database);
    }

    public void BindNull(int index)
    {
        var rc = raw.sqlite3_bind_null(statement, index);
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, database);
    }

    public void Bind(int index, long value)
    {
        var rc = raw.sqlite3_bind_int64(statement, index, value);
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, database);
    }

    /// <summary>Runs the statement and returns the first column of its first row as an integer, or null
    /// when it produced no row; the statement is then ready to be bound again.</summary>
    public long? ExecuteInt64()
    {
        try
        {
            var rc = raw.sqlite3_step(statement);
            if (rc == Row) return raw.sqlite3_column_int64(statement, 0);
            if (rc != Done) SqliteException.ThrowExceptionForRC(rc, database);
            return null;
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    /// <summary>Moves to the next row of a query; false (and the statement reset) after the last.</summary>
    public bool Step()
    {
        var rc = raw.sqlite3_step(statement);
        if (rc == Row) return true;
        raw.sqlite3_reset(statement);
        if (rc != Done) SqliteException.ThrowExceptionForRC(rc, database);
        return false;
    }

    /// <summary>The current row's column as UTF-8 bytes, valid until the next <see cref="Step"/>.</summary>
    public ReadOnlySpan<byte> Utf8(int column) => raw.sqlite3_column_blob(statement, column);

    public long Int64(int column) => raw.sqlite3_column_int64(statement, column);

    public void Dispose() => statement.Dispose();
}
