using PaperLens.Core.Catalog;
using PaperLens.Core.Identifiers;

namespace PaperLens.Core.Tests.Catalog;

/// <summary>Issue 14 item 3: how the catalog stores a paper (abstracts compressed, versions compact, no
/// pages left free by an import), and that catalogs written the older way read and refresh as before.</summary>
public sealed class CatalogStorageTests : IDisposable
{
    private static readonly ArxivId First = ArxivId.Of("0704.0001");
    private readonly CatalogTestFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void An_imported_abstract_is_stored_compressed_and_reads_back_whole()
    {
        var fixture = CatalogTestFiles.Fixture(CatalogTestFiles.Head200);
        using (var catalog = PaperCatalog.Open(files.CatalogPath))
            new SnapshotImporter().Import(catalog, fixture);

        using (var raw = CatalogTestFiles.Raw(files.CatalogPath))
        {
            Assert.Equal("blob", Scalar(raw, "SELECT typeof(abstract) FROM papers WHERE id = '0704.0001'"));
            var stored = (long)Scalar(raw, "SELECT length(abstract) FROM papers WHERE id = '0704.0001'")!;
            using var reopened = PaperCatalog.Open(files.CatalogPath);
            var text = System.Text.Encoding.UTF8.GetByteCount(reopened.Find(First)!.Abstract!);
            Assert.True(stored < text * 3 / 4, $"{stored} bytes stored for {text} bytes of abstract");
        }
        using var catalogAgain = PaperCatalog.Open(files.CatalogPath);
        Assert.StartsWith("  A fully differential calculation", catalogAgain.Find(First)!.Abstract);
        Assert.EndsWith("selection of events.\n", catalogAgain.Find(First)!.Abstract);
    }

    [Fact]
    public void An_abstract_too_short_to_gain_from_compression_stays_text()
    {
        using var catalog = PaperCatalog.Open(files.CatalogPath);
        catalog.Upsert([Record("Short.")]);

        using var raw = CatalogTestFiles.Raw(files.CatalogPath);
        Assert.Equal("text", Scalar(raw, "SELECT typeof(abstract) FROM papers WHERE id = '0704.0001'"));
        Assert.Equal("Short.", catalog.Find(First)!.Abstract);
    }

    [Fact]
    public void A_catalog_written_before_compression_reads_the_same_and_a_reimport_finds_it_unchanged()
    {
        var fixture = CatalogTestFiles.Fixture(CatalogTestFiles.Head200);
        PaperRecord imported;
        using (var catalog = PaperCatalog.Open(files.CatalogPath))
        {
            new SnapshotImporter().Import(catalog, fixture);
            imported = catalog.Find(First)!;
        }
        // What a catalog written before looks like: the abstract as TEXT and the versions as JSON.
        using (var raw = CatalogTestFiles.Raw(files.CatalogPath))
        {
            using var update = raw.CreateCommand();
            update.CommandText = "UPDATE papers SET abstract = $abstract, versions = $versions WHERE id = '0704.0001'";
            update.Parameters.AddWithValue("$abstract", imported.Abstract);
            update.Parameters.AddWithValue("$versions",
                """[{"version":"v1","created":"2007-04-02T19:18:42Z"},{"version":"v2","created":"2007-07-24T20:10:27Z"}]""");
            Assert.Equal(1, update.ExecuteNonQuery());
            Assert.Equal("text", Scalar(raw, "SELECT typeof(abstract) FROM papers WHERE id = '0704.0001'"));
        }

        using var reopened = PaperCatalog.Open(files.CatalogPath);
        var old = reopened.Find(First)!;
        Assert.Equal(RecordText.Of(imported), RecordText.Of(old));

        var again = new SnapshotImporter().Import(reopened, fixture);
        Assert.Equal(0, again.Inserted);
        Assert.Equal(0, again.Updated);
        Assert.Equal(again.Read, again.Unchanged);
    }

    [Fact]
    public void Versions_are_stored_compactly_and_read_back_with_their_dates()
    {
        using var catalog = PaperCatalog.Open(files.CatalogPath);
        new SnapshotImporter().Import(catalog, CatalogTestFiles.Fixture(CatalogTestFiles.Head200));

        using var raw = CatalogTestFiles.Raw(files.CatalogPath);
        Assert.Equal("1:1175541522 2:1185307827", Scalar(raw, "SELECT versions FROM papers WHERE id = '0704.0001'"));
        Assert.Equal(
            [new PaperVersion(1, new DateTimeOffset(2007, 4, 2, 19, 18, 42, TimeSpan.Zero)), new PaperVersion(2, new DateTimeOffset(2007, 7, 24, 20, 10, 27, TimeSpan.Zero))],
            catalog.Find(First)!.Versions);
    }

    [Fact]
    public void An_import_leaves_no_free_pages_behind_its_staged_completion_tokens()
    {
        var snapshot = files.PathOf("numbered.jsonl");
        using (var writer = File.CreateText(snapshot)) PaperLens.Testing.NumberedPapers.Write(writer, 30_000);
        using (var catalog = PaperCatalog.Open(files.CatalogPath))
        {
            Assert.Equal(30_000, new SnapshotImporter().Import(catalog, snapshot).Inserted);
            Assert.Equal("Resumable import of " + PaperLens.Testing.NumberedPapers.UniqueWord(30_000),
                catalog.Find(ArxivId.Of(PaperLens.Testing.NumberedPapers.Id(30_000)))!.Title);
        }

        using var raw = CatalogTestFiles.Raw(files.CatalogPath);
        Assert.Equal(0L, Scalar(raw, "SELECT count(*) FROM completion_staged"));
        Assert.Equal(0L, Scalar(raw, "PRAGMA freelist_count"));
    }

    private static PaperRecord Record(string @abstract) => new()
    {
        Id = First,
        Title = "A title",
        Authors = "A. Author",
        Abstract = @abstract,
        Versions = [new PaperVersion(1, new DateTimeOffset(2007, 4, 2, 19, 18, 42, TimeSpan.Zero))],
        UpdateDate = new DateOnly(2007, 4, 2),
    };

    private static object? Scalar(Microsoft.Data.Sqlite.SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
