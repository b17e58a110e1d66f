using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace PaperLens.Core.Tests.Catalog;

/// <summary>A temporary directory for one test's catalog files, deleted afterwards; and the catalog fixtures.</summary>
internal sealed class CatalogTestFiles : IDisposable
{
    public CatalogTestFiles()
    {
        Directory = Path.Combine(Path.GetTempPath(), "paperlens-catalog-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public string CatalogPath => Path.Combine(Directory, "catalog.db");

    public string PathOf(string name) => Path.Combine(Directory, name);

    public string Write(string name, string text)
    {
        var path = PathOf(name);
        File.WriteAllText(path, text);
        return path;
    }

    public static string Fixture(string name, [CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "fixtures", "catalog", name));

    public const string Head200 = "arxiv-snapshot-head200.jsonl";
    public const string BrowseFixtures = "arxiv-browse-fixtures.jsonl";
    public const string SeedPapers = "seed-papers.jsonl";

    /// <summary>A raw connection that leaves nothing open behind it, for looking inside a catalog file.</summary>
    public static SqliteConnection Raw(string path, SqliteOpenMode mode = SqliteOpenMode.ReadWriteCreate)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
