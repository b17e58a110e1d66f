using PaperLens.Core.Catalog;
using PaperLens.Core.Identifiers;

namespace PaperLens.Core.Tests.Catalog;

/// <summary>Issue 2 item 5: records coming from several places, misses, and lookups over a workspace's ids.</summary>
public sealed class CatalogUpsertTests : IDisposable
{
    private static readonly ArxivId Mamba = ArxivId.Of("2312.00752");
    private readonly CatalogTestFiles files = new();
    private readonly PaperCatalog catalog;

    public CatalogUpsertTests() => catalog = PaperCatalog.Open(files.CatalogPath);

    public void Dispose()
    {
        catalog.Dispose();
        files.Dispose();
    }

    [Fact]
    public void A_newer_record_replaces_an_older_one_and_not_the_reverse()
    {
        var older = Record(versions: 1, updated: new DateOnly(2023, 12, 1), title: "Mamba: Linear-Time Sequence Modeling");
        var newer = Record(versions: 2, updated: new DateOnly(2024, 5, 31), title: "Mamba: Linear-Time Sequence Modeling with Selective State Spaces");

        Assert.Equal(new UpsertCounts(1, 0, 0), catalog.Upsert([older]));
        Assert.Equal(new UpsertCounts(0, 1, 0), catalog.Upsert([newer]));
        Assert.Equal(new UpsertCounts(0, 0, 1), catalog.Upsert([older]));

        Assert.Equal(RecordText.Of(newer), RecordText.Of(catalog.Find(Mamba)));
    }

    [Theory]
    [InlineData(RecordSource.Snapshot)]
    [InlineData(RecordSource.ArxivApi)]
    [InlineData(RecordSource.Bundled)]
    public void A_record_from_a_bib_file_never_replaces_one_from_arxiv(RecordSource arxivSource)
    {
        var fromArxiv = Record(versions: 1, updated: new DateOnly(2023, 12, 1), title: "Mamba", source: arxivSource);
        var fromBib = Record(versions: 3, updated: new DateOnly(2025, 1, 1), title: "Mamba (from a .bib)", source: RecordSource.Bibtex);

        catalog.Upsert([fromArxiv]);
        Assert.Equal(new UpsertCounts(0, 0, 1), catalog.Upsert([fromBib]));
        Assert.Equal("Mamba", catalog.Find(Mamba)!.Title);
    }

    [Fact]
    public void A_record_from_arxiv_replaces_one_from_a_bib_file_even_if_it_looks_older()
    {
        catalog.Upsert([Record(versions: 3, updated: new DateOnly(2025, 1, 1), title: "From a .bib", source: RecordSource.Bibtex)]);

        Assert.Equal(new UpsertCounts(0, 1, 0), catalog.Upsert([Record(versions: 1, updated: null, title: "From arXiv")]));
        Assert.Equal(RecordSource.Snapshot, catalog.Find(Mamba)!.Source);
    }

    [Fact]
    public void On_equal_dates_and_versions_the_later_fetch_wins_and_a_complete_history_beats_a_partial_one()
    {
        var day = new DateOnly(2024, 1, 1);
        var partial = Record(versions: 2, updated: day, title: "Partial") with { VersionsComplete = false, FetchedAt = At(2025) };
        var complete = Record(versions: 2, updated: day, title: "Complete") with { FetchedAt = At(2024) };
        var refetched = Record(versions: 2, updated: day, title: "Refetched") with { FetchedAt = At(2026) };

        catalog.Upsert([partial]);
        Assert.Equal(new UpsertCounts(0, 1, 0), catalog.Upsert([complete]));
        Assert.Equal(new UpsertCounts(0, 1, 0), catalog.Upsert([refetched]));
        Assert.Equal(new UpsertCounts(0, 0, 1), catalog.Upsert([complete]));
        Assert.Equal("Refetched", catalog.Find(Mamba)!.Title);
    }

    [Fact]
    public void The_full_text_index_follows_an_update()
    {
        catalog.Upsert([Record(versions: 1, updated: new DateOnly(2023, 12, 1), title: "Quokka sequence models")]);
        catalog.Upsert([Record(versions: 2, updated: new DateOnly(2024, 1, 1), title: "Wombat sequence models")]);

        Assert.Empty(catalog.Search("quokka", 10));
        Assert.Equal([Mamba], catalog.Search("wombat", 10).Select(r => r.Id));
    }

    [Fact]
    public void A_confirmed_miss_is_remembered_until_the_paper_turns_up()
    {
        var missing = ArxivId.Of("2401.99999");
        Assert.False(catalog.IsConfirmedMiss(missing));

        catalog.RecordMiss(missing, At(2025));
        catalog.RecordMiss(missing, At(2024));

        Assert.True(catalog.IsConfirmedMiss(missing));
        Assert.False(catalog.IsConfirmedMiss(Mamba));
        catalog.Upsert([Record(versions: 1, updated: null, title: "It exists after all") with { Id = missing }]);
        Assert.False(catalog.IsConfirmedMiss(missing));
    }

    [Fact]
    public void FindMany_returns_the_known_ids_keyed_as_asked()
    {
        string[] wanted = ["1409.3215", "2404.16789", "2312.00752", "hep-th/9901001", "1409.3215"];

        var found = catalog.FindMany(wanted.Select(ArxivId.Of));

        Assert.Equal(["1409.3215", "2404.16789"], found.Keys.Select(id => id.Canonical).Order(StringComparer.Ordinal));
        Assert.All(found, pair => Assert.Equal(pair.Key, pair.Value.Id));
        Assert.Empty(catalog.FindMany([]));
    }

    [Fact]
    public void Every_field_survives_a_round_trip()
    {
        var record = new PaperRecord
        {
            Id = ArxivId.Of("math/0601001"),
            Title = "On $\\alpha$-things",
            Authors = "A. Bj\\\"orn and B. Ng",
            Abstract = "  An abstract.\n",
            Submitter = "Ada",
            Comments = "12 pages",
            JournalRef = "J. Things 1 (2006)",
            Doi = "10.1000/x",
            ReportNo = "R-1",
            Categories = ["math.AG", "math.CO"],
            License = "http://creativecommons.org/licenses/by/4.0/",
            Versions = [new PaperVersion(1, new DateTimeOffset(2006, 1, 2, 3, 4, 5, TimeSpan.Zero)), new PaperVersion(2, null)],
            VersionsComplete = false,
            UpdateDate = new DateOnly(2006, 2, 1),
            AuthorsParsed = [new AuthorName("Björn", "A.", ""), new AuthorName("Ng", "B.", "Jr")],
            Withdrawn = true,
            Source = RecordSource.ArxivApi,
            FetchedAt = new DateTimeOffset(2026, 11, 25, 19, 0, 0, 123, TimeSpan.Zero),
        };

        catalog.Upsert([record]);

        Assert.Equal(RecordText.Of(record), RecordText.Of(catalog.Find(record.Id)));
    }

    private static DateTimeOffset At(int year) => new(year, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static PaperRecord Record(int versions, DateOnly? updated, string title, RecordSource source = RecordSource.Snapshot) => new()
    {
        Id = Mamba,
        Title = title,
        Authors = "Albert Gu, Tri Dao",
        Versions = Enumerable.Range(1, versions).Select(v => new PaperVersion(v, new DateTimeOffset(2023, 12, v, 0, 0, 0, TimeSpan.Zero))).ToList(),
        UpdateDate = updated,
        Source = source,
        FetchedAt = At(2025),
    };
}
