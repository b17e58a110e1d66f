using System.IO.Compression;
using System.Runtime.CompilerServices;
using PaperLens.Cli.Commands;
using PaperLens.Core.Catalog;
using PaperLens.Core.Identifiers;
using PaperLens.Metadata;

namespace PaperLens.Cli.Tests;

/// <summary>Issue 10 "Room for new sources": every file <c>paperlens import</c> reads goes to the importer
/// the registry (<see cref="ImportFormats.Known"/>) chooses, every importer answers with one
/// <see cref="ImportResult"/>, and a new format is one class and one line in a registry.</summary>
public sealed class ImportFormatsTests : IDisposable
{
    private const string KnownFormats =
        "arXiv metadata snapshots (.jsonl or .json, optionally .gz); BibTeX files (.bib); saved arXiv API responses (Atom .xml)";

    private readonly TempRepo repo = new();

    public void Dispose() => repo.Dispose();

    public static TheoryData<string, Type> RealFixtures => new()
    {
        { "fixtures/catalog/arxiv-snapshot-head200.jsonl", typeof(SnapshotImporter) },
        { "fixtures/catalog/arxiv-browse-fixtures.jsonl", typeof(SnapshotImporter) },
        { "fixtures/catalog/seed-papers.jsonl", typeof(SnapshotImporter) },
        { "fixtures/rules/browse-papers.jsonl", typeof(SnapshotImporter) },
        { "fixtures/bibtex/HEPML.bib", typeof(BibtexImporter) },
        { "fixtures/bibtex/exports.bib", typeof(BibtexImporter) },
        { "PaperLens.Metadata.Tests/fixtures/atom/arxiv-docs_user-manual__error-example.xml", typeof(AtomFileImporter) },
        { "PaperLens.Metadata.Tests/fixtures/atom/arxiv-docs_user-manual__typical-response-example.xml", typeof(AtomFileImporter) },
        { "PaperLens.Metadata.Tests/fixtures/atom/francojc_lumen__arxiv_get_by_id.xml", typeof(AtomFileImporter) },
        { "PaperLens.Metadata.Tests/fixtures/atom/francojc_lumen__arxiv_search.xml", typeof(AtomFileImporter) },
        { "PaperLens.Metadata.Tests/fixtures/atom/james-akl_xiv__arxiv_response.xml", typeof(AtomFileImporter) },
        { "PaperLens.Metadata.Tests/fixtures/atom/malkreide_swiss-academic-libraries-mcp__arxiv_feed.xml", typeof(AtomFileImporter) },
        { "PaperLens.Metadata.Tests/fixtures/atom/saeedrafsharx_arxiv-digest__arxiv_response.xml", typeof(AtomFileImporter) },
        { "PaperLens.Metadata.Tests/fixtures/atom/zzjjay_llm-paper-radar__arxiv_response.xml", typeof(AtomFileImporter) },
    };

    [Theory]
    [MemberData(nameof(RealFixtures))]
    public void Each_real_fixture_goes_to_the_importer_of_its_format_by_name_and_by_content(string fixture, Type importer)
    {
        var path = Fixture(fixture);
        var unnamed = Path.Combine(repo.Root, "download");
        File.Copy(path, unnamed);

        Assert.IsType(importer, ImportFormats.Known.For(path));
        Assert.IsType(importer, ImportFormats.Known.For(unnamed));
    }

    [Fact]
    public void A_gzip_snapshot_is_recognised_by_its_name_or_by_what_it_decompresses_to()
    {
        var named = Gzip(Fixture("fixtures/catalog/arxiv-snapshot-head200.jsonl"), "snapshot.jsonl.gz");
        var unnamed = Gzip(Fixture("fixtures/catalog/arxiv-snapshot-head200.jsonl"), "snapshot.gz");

        Assert.IsType<SnapshotImporter>(ImportFormats.Known.For(named));
        Assert.IsType<SnapshotImporter>(ImportFormats.Known.For(unnamed));
    }

    [Fact]
    public void A_name_says_what_the_user_meant_before_the_content_is_asked()
    {
        var jsonNamedAsBib = repo.Write("refs.bib", File.ReadLines(Fixture("fixtures/catalog/seed-papers.jsonl")).First());
        var feedNamedAsJson = Path.Combine(repo.Root, "feed.json");
        File.Copy(Fixture("PaperLens.Metadata.Tests/fixtures/atom/james-akl_xiv__arxiv_response.xml"), feedNamedAsJson);

        Assert.IsType<BibtexImporter>(ImportFormats.Known.For(jsonNamedAsBib));
        Assert.IsType<SnapshotImporter>(ImportFormats.Known.For(feedNamedAsJson));
    }

    [Fact]
    public void An_unknown_format_is_refused_naming_every_known_format_before_anything_is_imported()
    {
        var bib = repo.Write("refs.bib", "@misc{note, title = {A Note Imported Before the Refusal}, eprint = {2601.00001}, archivePrefix = {arXiv}}\n");
        var csv = repo.Write("papers.csv", "id,title\n2601.00002,A Paper in a Spreadsheet\n");

        var run = PaperLensProcess.Run(repo.Catalog, "import", bib, csv);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Equal($"paperlens: cannot import {csv}: it is in none of the formats PaperLens imports: {KnownFormats}\n", run.Stderr);
        Assert.Equal(1, PaperLensProcess.Run(repo.Catalog, "lookup", "2601.00001").ExitCode);
    }

    [Fact]
    public void A_new_importer_in_the_registry_works_through_paperlens_import_unchanged()
    {
        var csv = repo.Write("papers.csv", "id,title\n2601.00001,A First Note on Catalogs\n2601.00002,A Second Note on Catalogs\nnot-an-id,Broken\n");
        var withCsv = new PaperImporters([.. ImportFormats.Known.All, new CsvOfIdsAndTitles()]);

        var (refusedExit, _, refusedErr) = Import(ImportFormats.Known, csv);
        var (exit, stdout, stderr) = Import(withCsv, csv);

        Assert.Equal(2, refusedExit);
        Assert.Contains(KnownFormats, refusedErr, StringComparison.Ordinal);
        Assert.Equal(1, exit);
        Assert.StartsWith($"{csv}: 3 records read, 2 new, 0 updated, 0 unchanged, 1 failed (", stdout, StringComparison.Ordinal);
        Assert.EndsWith($"catalog {repo.Catalog}: 59 papers\n", stdout, StringComparison.Ordinal);
        Assert.Equal($"{csv}:4: not an arXiv id: not-an-id\n", stderr);
        using var catalog = PaperCatalog.Open(repo.Catalog);
        Assert.Equal("A First Note on Catalogs", catalog.Find(ArxivId.Of("2601.00001"))?.Title);
        Assert.Equal("A Second Note on Catalogs", catalog.Find(ArxivId.Of("2601.00002"))?.Title);
    }

    public static TheoryData<string, long, long, long> CountedFixtures => new()
    {
        // The first 200 records of the arXiv snapshot; none is among the 57 bundled papers.
        { "fixtures/catalog/arxiv-snapshot-head200.jsonl", 200, 200, 0 },
        // Every paper the bundled seed has, as the snapshot gives it: the same records, so none changes.
        { "fixtures/catalog/seed-papers.jsonl", 57, 0, 57 },
        // 2,423 entries, 2,378 of them arXiv eprints of 2,376 papers (two cited twice), none bundled.
        { "fixtures/bibtex/HEPML.bib", 2423, 2376, 0 },
        { "PaperLens.Metadata.Tests/fixtures/atom/saeedrafsharx_arxiv-digest__arxiv_response.xml", 10, 10, 0 },
    };

    [Theory]
    [MemberData(nameof(CountedFixtures))]
    public void Every_importer_answers_with_the_counts_of_what_it_did_and_importing_again_changes_nothing(
        string fixture, long read, long inserted, long unchanged)
    {
        var path = Fixture(fixture);
        using var catalog = PaperCatalog.Open(repo.Catalog);
        var importer = ImportFormats.Known.For(path);

        var first = importer.Import(catalog, path);
        var again = importer.Import(catalog, path);

        Assert.Equal((read, inserted, 0L, unchanged, 0L, (string?)null), (first.Read, first.Inserted, first.Updated, first.Unchanged, first.Failed, first.Error));
        Assert.Equal((read, 0L, 0L, inserted + unchanged, 0L), (again.Read, again.Inserted, again.Updated, again.Unchanged, again.Failed));
        Assert.Equal(57 + inserted, catalog.Count());
    }

    [Fact]
    public void A_broken_line_is_a_failure_with_its_line_number_in_every_format_that_has_lines()
    {
        var snapshot = repo.Write("snapshot.jsonl", File.ReadLines(Fixture("fixtures/catalog/arxiv-snapshot-head200.jsonl")).First() + "\n{\"id\": \n");
        var bib = repo.Write("refs.bib", "@misc{a, title = {A Note on Catalogs}, eprint = {2601.00001}, archivePrefix = {arXiv}}\n\n@misc{b, title = {Unclosed\n");
        using var catalog = PaperCatalog.Open(repo.Catalog);

        var results = new[] { snapshot, bib }.Select(path => ImportFormats.Known.For(path).Import(catalog, path)).ToList();

        // The unclosed entry is no entry: the .bib has one, and one broken place.
        Assert.Equal([(2L, 1L, 1L), (1L, 1L, 1L)], results.Select(r => (r.Read, r.Inserted, r.Failed)));
        Assert.Equal([2L, 3L], results.Select(r => r.Failures.Single().Line));
    }

    private (int Exit, string Stdout, string Stderr) Import(PaperImporters importers, string path)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var exit = CliApp.Run(["import", path, "--catalog", repo.Catalog], stdout, stderr, importers);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private string Gzip(string source, string name)
    {
        var path = Path.Combine(repo.Root, name);
        using var output = File.Create(path);
        using var gzip = new GZipStream(output, CompressionLevel.Fastest);
        using var input = File.OpenRead(source);
        input.CopyTo(gzip);
        return path;
    }

    private static string Fixture(string relative, [CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", relative));

    /// <summary>A format PaperLens does not have: "id,title" lines after a header, as a spreadsheet saves them.</summary>
    private sealed class CsvOfIdsAndTitles : IPaperImporter
    {
        public string Format => "CSV files of arXiv ids and titles (.csv)";

        public bool RecognisesName(string fileName) => fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

        public bool RecognisesContent(ReadOnlySpan<byte> head) => false;

        public ImportResult Import(PaperCatalog catalog, string path, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
        {
            var records = new List<PaperRecord>();
            var failures = new List<ImportFailure>();
            var lines = File.ReadAllLines(path);
            for (var i = 1; i < lines.Length; i++)
            {
                var (id, title) = (lines[i].Split(',', 2)[0], lines[i].Split(',', 2)[1]);
                if (ArxivIdParser.Parse(id).Id is { } parsed) records.Add(new PaperRecord { Id = parsed, Title = title, Authors = "", FetchedAt = File.GetLastWriteTimeUtc(path) });
                else failures.Add(new ImportFailure(i + 1, $"not an arXiv id: {id}"));
            }
            var counts = catalog.Upsert(records);
            return new ImportResult
            {
                Read = lines.Length - 1,
                Inserted = counts.Inserted,
                Updated = counts.Updated,
                Unchanged = counts.Unchanged,
                Failed = failures.Count,
                Failures = failures,
            };
        }
    }
}
