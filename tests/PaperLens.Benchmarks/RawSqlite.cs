using Microsoft.Data.Sqlite;

namespace PaperLens.Benchmarks;

/// <summary>The raw SQLite queries the language server's answers stand on, run with Microsoft.Data.Sqlite
/// directly against the same catalog file (read-only), so each server figure has its floor beside it.</summary>
internal sealed class RawSqlite : IDisposable
{
    private readonly SqliteConnection _connection;

    public RawSqlite(string catalog)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = catalog, Mode = SqliteOpenMode.ReadOnly }.ToString());
        _connection.Open();
    }

    /// <summary><paramref name="count"/> paper ids spread evenly over the catalog's keys.</summary>
    public IReadOnlyList<string> SpreadIds(int count)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT id FROM papers WHERE key % (SELECT max(1, count(*) / $count) FROM papers) = 0 LIMIT $count";
        command.Parameters.AddWithValue("$count", count);
        using var reader = command.ExecuteReader();
        var ids = new List<string>(count);
        while (reader.Read()) ids.Add(reader.GetString(0));
        return ids;
    }

    /// <summary>A point lookup reading every column, as a hover needs the whole paper.</summary>
    public Latency PointLookups(IReadOnlyList<string> ids, TimeSpan budget)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT * FROM papers WHERE id = $id";
        var id = command.Parameters.Add("$id", SqliteType.Text);
        command.Prepare();
        return Latency.Measure(ids.Count, budget, i =>
        {
            id.Value = ids[i];
            using var reader = command.ExecuteReader();
            if (!reader.Read()) throw new BenchmarkException($"{ids[i]} is not in the catalog");
            for (var column = 0; column < reader.FieldCount; column++) _ = reader.GetValue(column);
        });
    }

    /// <summary>The plain FTS5 ranked prefix query (what completion would cost without an index of its own).</summary>
    public Latency RankedPrefix(string prefix, int runs, TimeSpan budget)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT rowid FROM papers_fts WHERE papers_fts MATCH $q ORDER BY rank LIMIT 50";
        command.Parameters.AddWithValue("$q", FtsPrefix(prefix));
        command.Prepare();
        return Latency.Measure(runs, budget, _ =>
        {
            using var reader = command.ExecuteReader();
            while (reader.Read()) reader.GetInt64(0);
        });
    }

    /// <summary>How many papers the prefix matches in the full-text index.</summary>
    public long Matches(string prefix)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM papers_fts WHERE papers_fts MATCH $q";
        command.Parameters.AddWithValue("$q", FtsPrefix(prefix));
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>The shortest prefix of <paramref name="id"/>, at least <paramref name="minimum"/> characters
    /// long, that no other paper's id starts with (the whole id when another id extends it).</summary>
    public string UniqueIdPrefix(string id, int minimum)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM (SELECT 1 FROM papers WHERE id >= $p AND id < $p || char(1114111) LIMIT 2)";
        var prefix = command.Parameters.Add("$p", SqliteType.Text);
        for (var length = Math.Min(minimum, id.Length); length < id.Length; length++)
        {
            prefix.Value = id[..length];
            if ((long)command.ExecuteScalar()! == 1) return id[..length];
        }
        return id;
    }

    public long PaperCount()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM papers";
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose() => _connection.Dispose();

    private static string FtsPrefix(string prefix) => $"\"{prefix.Replace("\"", "\"\"")}\"*";
}
