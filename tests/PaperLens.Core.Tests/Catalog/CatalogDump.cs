using System.Text;
using Microsoft.Data.Sqlite;

namespace PaperLens.Core.Tests.Catalog;

/// <summary>Every row of a catalog file as text: the papers with all their columns, the confirmed misses,
/// and every entry of the full-text index (term, row, column, offset), for comparing two catalogs.</summary>
internal static class CatalogDump
{
    public static string Of(string catalogPath)
    {
        using var connection = CatalogTestFiles.Raw(catalogPath);
        var dump = new StringBuilder();
        Append(connection, dump, "SELECT * FROM papers ORDER BY key");
        Append(connection, dump, "SELECT * FROM misses ORDER BY id");
        using (var vocabulary = connection.CreateCommand())
        {
            vocabulary.CommandText = "CREATE VIRTUAL TABLE temp.fts_entries USING fts5vocab(main, papers_fts, 'instance')";
            vocabulary.ExecuteNonQuery();
        }
        Append(connection, dump, "SELECT term, doc, col, offset FROM temp.fts_entries ORDER BY term, doc, col, offset");
        return dump.ToString();
    }

    private static void Append(SqliteConnection connection, StringBuilder dump, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        dump.AppendLine(sql);
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
                dump.Append(reader.GetValue(i) switch
                {
                    DBNull => "NULL",
                    byte[] bytes => Convert.ToHexString(bytes),
                    var value => value.ToString(),
                }).Append('\u241F');
            dump.AppendLine();
        }
    }
}
