using PaperLens.Core.Catalog;
using PaperLens.Core.Identifiers;

namespace PaperLens.Core.Tests.Catalog;

/// <summary>Issue 14: <see cref="PaperCatalog.Find"/> answers a paper asked for recently (a hover shown
/// again) from memory, and never with a record the catalog file no longer holds: a write through the
/// catalog or a commit by another process (an import in a terminal) is seen by the next question.</summary>
public sealed class RecentRecordsTests : IDisposable
{
    private static readonly ArxivId Mamba = ArxivId.Of("2312.00752");
    private readonly CatalogTestFiles files = new();
    private readonly PaperCatalog catalog;

    public RecentRecordsTests()
    {
        catalog = PaperCatalog.Open(files.CatalogPath);
        catalog.Upsert([Record("Mamba", new DateOnly(2023, 12, 1))]);
    }

    public void Dispose()
    {
        catalog.Dispose();
        files.Dispose();
    }

    [Fact]
    public void A_paper_asked_for_again_after_another_process_imported_a_newer_record_is_the_new_record()
    {
        Assert.Equal("Mamba", catalog.Find(Mamba)!.Title);

        using (var elsewhere = PaperCatalog.Open(files.CatalogPath))
            elsewhere.Upsert([Record("Mamba: Linear-Time Sequence Modeling with Selective State Spaces", new DateOnly(2024, 5, 31))]);

        Assert.Equal("Mamba: Linear-Time Sequence Modeling with Selective State Spaces", catalog.Find(Mamba)!.Title);
    }

    [Fact]
    public void A_paper_asked_for_again_after_a_fetch_wrote_a_newer_record_is_the_new_record()
    {
        Assert.Equal("Mamba", catalog.Find(Mamba)!.Title);

        catalog.Upsert([Record("Mamba: Linear-Time Sequence Modeling with Selective State Spaces", new DateOnly(2024, 5, 31))]);

        Assert.Equal("Mamba: Linear-Time Sequence Modeling with Selective State Spaces", catalog.Find(Mamba)!.Title);
    }

    [Fact]
    public void Papers_asked_for_in_turn_beyond_what_is_kept_come_back_as_the_file_holds_them()
    {
        var papers = Enumerable.Range(1, 600).Select(n => Record($"Paper {n}", new DateOnly(2024, 1, 1)) with { Id = ArxivId.Of($"2401.{n:D5}") }).ToList();
        catalog.Upsert(papers);

        // In order, backwards, in order again: every answer after the first round is one the catalog
        // kept, or one it let go and read again.
        foreach (var paper in papers.Concat(Enumerable.Reverse(papers)).Concat(papers))
            Assert.Equal(paper.Title, catalog.Find(paper.Id)?.Title);
    }

    private static PaperRecord Record(string title, DateOnly updated) => new()
    {
        Id = Mamba,
        Title = title,
        Authors = "Albert Gu, Tri Dao",
        Versions = [new PaperVersion(1, new DateTimeOffset(2023, 12, 1, 0, 0, 0, TimeSpan.Zero))],
        UpdateDate = updated,
        Source = RecordSource.Snapshot,
    };
}
