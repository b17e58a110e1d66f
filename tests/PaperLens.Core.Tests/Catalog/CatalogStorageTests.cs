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

    [Fact]
    public void Parsed_names_the_authors_text_implies_are_stored_empty_and_read_back_as_given()
    {
        AuthorName[] implied = [new("Vaswani", "Ashish", ""), new("Shazeer", "Noam", ""), new("Kaiser", "Lukasz", "")];
        AuthorName[] withSuffix = [new("King", "Martin Luther", "Jr."), new("Ng", "Andrew Y.", "")];
        using var catalog = PaperCatalog.Open(files.CatalogPath);
        catalog.Upsert([
            Record("Short.") with { Authors = "Ashish Vaswani, Noam Shazeer and\n  Lukasz Kaiser", AuthorsParsed = implied },
            Record("Short.") with { Id = ArxivId.Of("0704.0002"), Authors = "Martin Luther King Jr., Andrew Y. Ng", AuthorsParsed = withSuffix },
        ]);

        using (var raw = CatalogTestFiles.Raw(files.CatalogPath))
        {
            Assert.Equal("", Scalar(raw, "SELECT authors_parsed FROM papers WHERE id = '0704.0001'"));
            Assert.Equal("""[["King","Martin Luther","Jr."],["Ng","Andrew Y.",""]]""", Scalar(raw, "SELECT authors_parsed FROM papers WHERE id = '0704.0002'"));
        }
        using var reopened = PaperCatalog.Open(files.CatalogPath);
        Assert.Equal(implied, reopened.Find(First)!.AuthorsParsed);
        Assert.Equal(withSuffix, reopened.Find(ArxivId.Of("0704.0002"))!.AuthorsParsed);
    }

    [Fact]
    public void Parsed_names_written_as_json_by_an_older_catalog_read_the_same_and_a_reimport_finds_them_unchanged()
    {
        var fixture = files.PathOf("implied.jsonl");
        File.WriteAllText(fixture, """
            {"id": "0704.0001", "title": "A title", "authors": "A. Author and B. Writer", "abstract": "Short.", "versions": [{"version": "v1", "created": "Mon, 2 Apr 2007 19:18:42 GMT"}], "update_date": "2007-04-02", "authors_parsed": [["Author", "A.", ""], ["Writer", "B.", ""]]}

            """);
        using (var catalog = PaperCatalog.Open(files.CatalogPath))
            new SnapshotImporter().Import(catalog, fixture);
        using (var raw = CatalogTestFiles.Raw(files.CatalogPath))
        {
            Assert.Equal("", Scalar(raw, "SELECT authors_parsed FROM papers WHERE id = '0704.0001'"));
            using var update = raw.CreateCommand();
            update.CommandText = """UPDATE papers SET authors_parsed = '[["Author","A.",""],["Writer","B.",""]]' WHERE id = '0704.0001'""";
            Assert.Equal(1, update.ExecuteNonQuery());
        }

        using var reopened = PaperCatalog.Open(files.CatalogPath);
        Assert.Equal([new AuthorName("Author", "A.", ""), new AuthorName("Writer", "B.", "")], reopened.Find(First)!.AuthorsParsed);
        var again = new SnapshotImporter().Import(reopened, fixture);
        Assert.Equal(1, again.Unchanged);
    }

    [Fact]
    public void A_first_import_packs_the_pages_of_the_completion_postings_full()
    {
        var snapshot = files.PathOf("numbered.jsonl");
        using (var writer = File.CreateText(snapshot)) PaperLens.Testing.NumberedPapers.Write(writer, 30_000);
        using (var catalog = PaperCatalog.Open(files.CatalogPath))
            Assert.Equal(30_000, new SnapshotImporter().Import(catalog, snapshot).Inserted);

        // Sorted INSERTs leave an index B-tree's pages about 88% used. The bytes the postings need (each
        // cell: its length, a 2-byte pointer, a record header of 4-5 bytes, the token and two integers)
        // against the pages they hold, counted as the pages deleting them frees.
        using var raw = CatalogTestFiles.Raw(files.CatalogPath);
        var needed = (long)Scalar(raw, $"""
            SELECT sum(size + 2 + (CASE WHEN size < 128 THEN 1 ELSE 2 END)) FROM (
              SELECT 4 + (length(CAST(token AS BLOB)) > 57) + length(CAST(token AS BLOB)) + {IntegerBytes("score")} + {IntegerBytes("key")} AS size
              FROM completion_postings)
            """)!;
        var pageSize = (long)Scalar(raw, "PRAGMA page_size")!;
        Scalar(raw, "DELETE FROM completion_postings");
        var pages = (long)Scalar(raw, "PRAGMA freelist_count")! + 1;
        var used = (double)needed / (pages * pageSize);
        Assert.True(used > 0.96, $"the postings use {used:P1} of their {pages} pages");
    }

    // The bytes SQLite stores an integer in (record format serial types 8-9, 1-6).
    private static string IntegerBytes(string column) => $"""
        (CASE WHEN {column} IN (0, 1) THEN 0 WHEN {column} BETWEEN -128 AND 127 THEN 1 WHEN {column} BETWEEN -32768 AND 32767 THEN 2
        WHEN {column} BETWEEN -8388608 AND 8388607 THEN 3 WHEN {column} BETWEEN -2147483648 AND 2147483647 THEN 4
        WHEN {column} BETWEEN -140737488355328 AND 140737488355327 THEN 6 ELSE 8 END)
        """;

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
