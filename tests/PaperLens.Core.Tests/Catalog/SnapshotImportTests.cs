using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using PaperLens.Core.Catalog;
using PaperLens.Core.Identifiers;

namespace PaperLens.Core.Tests.Catalog;

/// <summary>Issue 2 item 6: importing the arXiv snapshot layout (../shared/data/README.md) exactly.</summary>
public sealed class SnapshotImportTests : IDisposable
{
    private const int SeedCount = 57;
    private readonly CatalogTestFiles files = new();

    public void Dispose() => files.Dispose();

    [Theory]
    [InlineData(CatalogTestFiles.Head200)]
    [InlineData(CatalogTestFiles.BrowseFixtures)]
    [InlineData(CatalogTestFiles.SeedPapers)]
    public void Every_field_of_every_record_reads_back_as_the_file_gives_it(string fixture)
    {
        var path = CatalogTestFiles.Fixture(fixture);
        using var catalog = PaperCatalog.Open(files.CatalogPath);

        var result = new SnapshotImporter().Import(catalog, path);

        Assert.Equal(0, result.Failed);
        Assert.Null(result.Error);
        var lines = File.ReadAllLines(path);
        Assert.Equal(lines.Length, result.Read);
        foreach (var line in lines)
        {
            var json = JsonDocument.Parse(line).RootElement;
            var id = json.GetProperty("id").GetString()!;
            var record = catalog.Find(ArxivId.Of(id));
            Assert.NotNull(record);
            AssertSameAsSnapshot(json, record);
        }
    }

    [Fact]
    public void Known_records_read_back_field_by_field()
    {
        using var catalog = PaperCatalog.Open(files.CatalogPath);
        var importer = new SnapshotImporter();
        importer.Import(catalog, CatalogTestFiles.Fixture(CatalogTestFiles.BrowseFixtures));
        importer.Import(catalog, CatalogTestFiles.Fixture(CatalogTestFiles.Head200));

        var first = catalog.Find(ArxivId.Of("0704.0001"))!;
        Assert.Equal("C. Bal\\'azs, E. L. Berger, P. M. Nadolsky, C.-P. Yuan", first.Authors);
        Assert.Equal("Calculation of prompt diphoton production cross sections at Tevatron and\n  LHC energies", first.Title);
        Assert.Equal("Pavel Nadolsky", first.Submitter);
        Assert.Equal("37 pages, 15 figures; published version", first.Comments);
        Assert.Equal("Phys.Rev.D76:013009,2007", first.JournalRef);
        Assert.Equal("10.1103/PhysRevD.76.013009", first.Doi);
        Assert.Equal("ANL-HEP-PR-07-12", first.ReportNo);
        Assert.Equal(["hep-ph"], first.Categories);
        Assert.Null(first.License);
        Assert.StartsWith("  A fully differential calculation", first.Abstract);
        Assert.Equal(
            [new PaperVersion(1, new DateTimeOffset(2007, 4, 2, 19, 18, 42, TimeSpan.Zero)), new PaperVersion(2, new DateTimeOffset(2007, 7, 24, 20, 10, 27, TimeSpan.Zero))],
            first.Versions);
        Assert.True(first.VersionsComplete);
        // The head of the real snapshot (2008-11-26) is newer than the browse fixture (2007-07-24).
        Assert.Equal(new DateOnly(2008, 11, 26), first.UpdateDate);
        Assert.Equal(new AuthorName("Balázs", "C.", ""), first.AuthorsParsed![0]);
        Assert.Equal(new AuthorName("Yuan", "C. -P.", ""), first.AuthorsParsed[3]);
        Assert.False(first.Withdrawn);
        Assert.Equal(RecordSource.Snapshot, first.Source);

        var withdrawn = catalog.Find(ArxivId.Of("0704.0840"))!;
        Assert.True(withdrawn.Withdrawn);
        Assert.Equal(3, withdrawn.LatestVersion);

        var oldStyle = catalog.Find(ArxivId.Of("ao-sci/9502001"))!;
        Assert.Equal(ArxivScheme.Old, oldStyle.Id.Scheme);
        Assert.Equal([1, 2, 3, 4], oldStyle.Versions.Select(v => v.Number));
        Assert.Equal(new DateTimeOffset(1995, 3, 10, 22, 40, 57, TimeSpan.Zero), oldStyle.Versions[3].Created);
        Assert.Equal(new DateTimeOffset(1995, 2, 8, 20, 23, 11, TimeSpan.Zero), oldStyle.Submitted);
        Assert.Equal("Stephen M. Griffies and Kirk Bryan", oldStyle.Authors);

        var noJournal = catalog.Find(ArxivId.Of("acc-phys/9411001"))!;
        Assert.Null(noJournal.JournalRef);
        Assert.Null(noJournal.Doi);
        Assert.Null(noJournal.License);
        Assert.Null(noJournal.AuthorsParsed);
        Assert.Equal("LA-UR-94-3641", noJournal.ReportNo);
        Assert.Equal(["acc-phys", "physics.acc-ph"], noJournal.Categories);
    }

    [Fact]
    public void Exactly_the_records_with_a_withdrawal_notice_are_withdrawn()
    {
        using var catalog = PaperCatalog.Open(files.CatalogPath);
        new SnapshotImporter().Import(catalog, CatalogTestFiles.Fixture(CatalogTestFiles.BrowseFixtures));

        var ids = File.ReadLines(CatalogTestFiles.Fixture(CatalogTestFiles.BrowseFixtures))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("id").GetString()!)
            .Distinct()
            .Where(id => catalog.Find(ArxivId.Of(id))!.Withdrawn)
            .Order(StringComparer.Ordinal);

        Assert.Equal(
            ["0704.0156", "0704.0213", "0704.0374", "0704.0480", "0704.0525", "0704.0615", "0704.0644", "0704.0840", "0906.3336", "2101.10016"],
            ids);
    }

    [Fact]
    public void Importing_the_same_files_twice_leaves_the_same_catalog()
    {
        using var catalog = PaperCatalog.Open(files.CatalogPath);
        var importer = new SnapshotImporter();
        string[] fixtures = [CatalogTestFiles.BrowseFixtures, CatalogTestFiles.Head200, CatalogTestFiles.SeedPapers];
        foreach (var fixture in fixtures) importer.Import(catalog, CatalogTestFiles.Fixture(fixture));
        catalog.Dispose();
        var once = CatalogDump.Of(files.CatalogPath);

        using var reopened = PaperCatalog.Open(files.CatalogPath);
        var again = fixtures.Select(f => new SnapshotImporter().Import(reopened, CatalogTestFiles.Fixture(f))).ToList();
        reopened.Dispose();

        Assert.All(again, result =>
        {
            Assert.Equal(0, result.Inserted);
            Assert.Equal(0, result.Updated);
            Assert.Equal(result.Read, result.Unchanged);
        });
        Assert.Equal(once, CatalogDump.Of(files.CatalogPath));
        Assert.Contains("0704.0001", once);
    }

    [Fact]
    public void The_newer_of_two_records_wins_whichever_file_comes_first()
    {
        // Where the update dates and versions tie, the snapshot written later is the newer.
        var browse = files.PathOf("browse.jsonl");
        File.Copy(CatalogTestFiles.Fixture(CatalogTestFiles.BrowseFixtures), browse);
        File.SetLastWriteTimeUtc(browse, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var head = files.PathOf("head.jsonl");
        File.Copy(CatalogTestFiles.Fixture(CatalogTestFiles.Head200), head);
        File.SetLastWriteTimeUtc(head, new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        using var headLast = PaperCatalog.Open(files.PathOf("head-last.db"));
        new SnapshotImporter().Import(headLast, browse);
        var headOverBrowse = new SnapshotImporter().Import(headLast, head);
        using var headFirst = PaperCatalog.Open(files.PathOf("head-first.db"));
        new SnapshotImporter().Import(headFirst, head);
        var browseOverHead = new SnapshotImporter().Import(headFirst, browse);

        var browseRecords = File.ReadLines(browse).Select(line => JsonDocument.Parse(line).RootElement)
            .DistinctBy(json => json.GetProperty("id").GetString()).ToDictionary(json => json.GetProperty("id").GetString()!);
        long headNewer = 0, browseNewer = 0, tied = 0;
        foreach (var line in File.ReadLines(head))
        {
            var headJson = JsonDocument.Parse(line).RootElement;
            var id = headJson.GetProperty("id").GetString()!;
            var browseJson = browseRecords[id];
            var order = string.CompareOrdinal(headJson.GetProperty("update_date").GetString(), browseJson.GetProperty("update_date").GetString());
            var expected = order < 0 ? browseJson : headJson;
            _ = order > 0 ? headNewer++ : order < 0 ? browseNewer++ : tied++;
            Assert.Equal(expected.GetProperty("title").GetString(), headLast.Find(ArxivId.Of(id))!.Title);
            Assert.Equal(expected.GetProperty("title").GetString(), headFirst.Find(ArxivId.Of(id))!.Title);
            Assert.Equal(expected.GetProperty("update_date").GetString(), headLast.Find(ArxivId.Of(id))!.UpdateDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Assert.Equal(RecordText.Of(headLast.Find(ArxivId.Of(id))), RecordText.Of(headFirst.Find(ArxivId.Of(id))));
        }

        Assert.True(headNewer > 0 && tied > 0, $"{headNewer} newer in the head, {browseNewer} in the browse fixtures, {tied} tied");
        Assert.Equal(1131 - 200 - 1, browseOverHead.Inserted);
        Assert.True(headOverBrowse.Updated >= headNewer);
    }

    [Fact]
    public void Bad_lines_are_reported_with_their_numbers_and_the_rest_is_imported()
    {
        var good = File.ReadLines(CatalogTestFiles.Fixture(CatalogTestFiles.Head200)).Take(3).ToArray();
        var path = files.Write("mixed.jsonl", string.Join("\n",
            good[0],
            "{\"id\": \"0704.0002\", \"title\": ",
            "this is not JSON",
            good[1].Replace("\"0704.0002\"", "\"0713.0002\""),
            "",
            "[1, 2, 3]",
            "{\"id\": \"0704.0009\", \"authors\": \"A. Author\"}",
            good[2]) + "\n");
        using var catalog = PaperCatalog.Open(files.CatalogPath);

        var result = new SnapshotImporter().Import(catalog, path);

        Assert.Equal(7, result.Read);
        Assert.Equal(2, result.Inserted);
        Assert.Equal(5, result.Failed);
        Assert.Equal([2, 3, 4, 6, 7], result.Failures.Select(f => f.Line));
        Assert.StartsWith("invalid JSON", result.Failures[0].Reason);
        Assert.StartsWith("invalid JSON", result.Failures[1].Reason);
        Assert.Equal("id '0713.0002': month 13 does not exist (YYMM must have a month 01-12)", result.Failures[2].Reason);
        Assert.Equal("not a JSON object", result.Failures[3].Reason);
        Assert.Equal("0704.0009: no 'title'", result.Failures[4].Reason);
        Assert.NotNull(catalog.Find(ArxivId.Of("0704.0001")));
        Assert.NotNull(catalog.Find(ArxivId.Of("0704.0003")));
        Assert.Equal(SeedCount + 2, catalog.Count());
    }

    [Fact]
    public void Gzip_is_recognised_by_its_bytes_not_its_name()
    {
        var plain = CatalogTestFiles.Fixture(CatalogTestFiles.Head200);
        var compressed = files.PathOf("snapshot.data");
        using (var output = File.Create(compressed))
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        using (var input = File.OpenRead(plain))
            input.CopyTo(gzip);
        using var fromPlain = PaperCatalog.Open(files.PathOf("plain.db"));
        using var fromGzip = PaperCatalog.Open(files.PathOf("gzip.db"));

        var plainResult = new SnapshotImporter().Import(fromPlain, plain);
        var gzipResult = new SnapshotImporter().Import(fromGzip, compressed);

        Assert.Equal(200, gzipResult.Inserted);
        Assert.Equal((plainResult.Read, plainResult.Inserted, plainResult.Failed), (gzipResult.Read, gzipResult.Inserted, gzipResult.Failed));
        Assert.Null(gzipResult.Error);
        foreach (var id in new[] { "0704.0001", "0704.0100", "0704.0200" }.Select(ArxivId.Of))
            Assert.Equal(RecordText.WithoutFetchTime(fromPlain.Find(id)), RecordText.WithoutFetchTime(fromGzip.Find(id)));
    }

    [Fact]
    public void A_gzip_file_cut_short_keeps_the_records_before_the_cut()
    {
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        using (var input = File.OpenRead(CatalogTestFiles.Fixture(CatalogTestFiles.Head200)))
            input.CopyTo(gzip);
        var path = files.PathOf("cut.jsonl.gz");
        File.WriteAllBytes(path, compressed.ToArray()[..(int)(compressed.Length * 6 / 10)]);
        using var catalog = PaperCatalog.Open(files.CatalogPath);

        var result = new SnapshotImporter().Import(catalog, path);

        Assert.InRange(result.Inserted, 50, 199);
        Assert.True(result.Error is not null || result.Failed == 1, $"error {result.Error}, {result.Failed} failed");
        Assert.Equal(SeedCount + result.Inserted, catalog.Count());
    }

    [Fact]
    public void A_json_array_file_is_imported_element_by_element()
    {
        var lines = File.ReadLines(CatalogTestFiles.Fixture(CatalogTestFiles.Head200)).Take(5);
        var path = files.Write("papers.json", "[\n" + string.Join(",\n", lines) + "\n]\n");
        using var catalog = PaperCatalog.Open(files.CatalogPath);

        var result = new SnapshotImporter().Import(catalog, path);

        Assert.Equal(5, result.Inserted);
        Assert.Null(result.Error);
        Assert.Equal("Pavel Nadolsky", catalog.Find(ArxivId.Of("0704.0001"))!.Submitter);
        Assert.NotNull(catalog.Find(ArxivId.Of("0704.0005")));
    }

    [Fact]
    public void A_json_array_broken_half_way_keeps_what_came_before()
    {
        var lines = File.ReadLines(CatalogTestFiles.Fixture(CatalogTestFiles.Head200)).Take(3).ToArray();
        var path = files.Write("papers.json", "[" + lines[0] + "," + lines[1] + ", {\"id\": ");
        using var catalog = PaperCatalog.Open(files.CatalogPath);

        var result = new SnapshotImporter().Import(catalog, path);

        Assert.Equal(2, result.Inserted);
        Assert.Equal(3, Assert.Single(result.Failures).Line);
        Assert.Contains("element 2", result.Error);
        Assert.NotNull(catalog.Find(ArxivId.Of("0704.0002")));
    }

    [Fact]
    public void Records_without_versions_or_with_partial_histories_keep_what_they_say()
    {
        var path = files.Write("odd.jsonl",
            """
            {"id": "hep-th/9901001", "title": "No versions key", "authors": "A. Author", "abstract": null}
            {"id": "2401.00001v2", "title": "Partial", "authors": "B. Author", "versions": [{"version": "v1", "created": null}], "versions_complete": false, "verified": true, "source": "somewhere", "categories": null, "update_date": null}
            {"id": "2401.00002", "title": "Odd weekday", "authors": "C. Author", "versions": [{"version": "v1", "created": "Sun, 2 Apr 2007 12:02:40 GMT"}], "update_date": "2007-04-02"}
            """);
        using var catalog = PaperCatalog.Open(files.CatalogPath);

        var result = new SnapshotImporter().Import(catalog, path);

        Assert.Equal(3, result.Inserted);
        var noVersions = catalog.Find(ArxivId.Of("hep-th/9901001"))!;
        Assert.Empty(noVersions.Versions);
        Assert.Null(noVersions.LatestVersion);
        Assert.True(noVersions.VersionsComplete);
        Assert.Null(noVersions.Abstract);
        var partial = catalog.Find(ArxivId.Of("2401.00001"))!;
        Assert.Equal([new PaperVersion(1, null)], partial.Versions);
        Assert.False(partial.VersionsComplete);
        Assert.Empty(partial.Categories);
        Assert.Null(partial.UpdateDate);
        Assert.Equal(new DateTimeOffset(2007, 4, 2, 12, 2, 40, TimeSpan.Zero), catalog.Find(ArxivId.Of("2401.00002"))!.Submitted);
    }

    [Fact]
    public void Progress_ends_at_the_whole_file()
    {
        var path = CatalogTestFiles.Fixture(CatalogTestFiles.BrowseFixtures);
        using var catalog = PaperCatalog.Open(files.CatalogPath);
        var reports = new List<ImportProgress>();

        var result = new SnapshotImporter().Import(catalog, path, new SynchronousProgress(reports.Add));

        var last = reports[^1];
        Assert.Equal(new FileInfo(path).Length, last.TotalBytes);
        Assert.Equal(last.TotalBytes, last.BytesRead);
        Assert.Equal(result.Read, last.Records);
        Assert.True(reports.Zip(reports.Skip(1)).All(pair => pair.First.BytesRead <= pair.Second.BytesRead));
    }

    [Fact]
    public void A_missing_file_is_an_error_in_the_result_not_an_exception()
    {
        var path = files.PathOf("nowhere.jsonl");
        using var catalog = PaperCatalog.Open(files.CatalogPath);

        var result = new SnapshotImporter().Import(catalog, path);

        Assert.StartsWith($"cannot read {path}", result.Error);
        Assert.Equal(0, result.Read);
        Assert.Equal(SeedCount, catalog.Count());
    }

    private static void AssertSameAsSnapshot(JsonElement json, PaperRecord record)
    {
        string? Text(string key) => json.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        Assert.Equal(Text("title"), record.Title);
        Assert.Equal(Text("authors"), record.Authors);
        Assert.Equal(Text("abstract"), record.Abstract);
        Assert.Equal(Text("submitter"), record.Submitter);
        Assert.Equal(Text("comments"), record.Comments);
        Assert.Equal(Text("journal-ref"), record.JournalRef);
        Assert.Equal(Text("doi"), record.Doi);
        Assert.Equal(Text("report-no"), record.ReportNo);
        Assert.Equal(Text("license"), record.License);
        Assert.Equal(Text("categories")?.Split(' ') ?? [], record.Categories);
        Assert.Equal(Text("update_date"), record.UpdateDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal(!json.TryGetProperty("versions_complete", out var complete) || complete.GetBoolean(), record.VersionsComplete);

        var versions = json.TryGetProperty("versions", out var v) ? v.EnumerateArray().ToList() : [];
        Assert.Equal(versions.Count, record.Versions.Count);
        for (var i = 0; i < versions.Count; i++)
        {
            Assert.Equal(versions[i].GetProperty("version").GetString(), "v" + record.Versions[i].Number);
            // The snapshot's weekdays are sometimes wrong (Thu, 29 Aug 2012): the date is what counts.
            var created = versions[i].GetProperty("created").GetString()?.Split(", ")[^1];
            Assert.Equal(created is null ? null : DateTimeOffset.Parse(created, CultureInfo.InvariantCulture), record.Versions[i].Created);
        }

        if (json.TryGetProperty("authors_parsed", out var parsed))
        {
            Assert.Equal(
                parsed.EnumerateArray().Select(a => new AuthorName(a[0].GetString()!, a[1].GetString()!, a[2].GetString()!)),
                record.AuthorsParsed!);
        }
        else
        {
            Assert.Null(record.AuthorsParsed);
        }
    }

    /// <summary>Reports on the importing thread, unlike <see cref="Progress{T}"/>, so the list is complete when Import returns.</summary>
    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
