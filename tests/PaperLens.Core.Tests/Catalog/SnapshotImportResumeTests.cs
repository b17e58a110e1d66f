using System.IO.Compression;
using System.Text;
using PaperLens.Core.Catalog;
using PaperLens.Core.Completion;
using PaperLens.Core.Identifiers;
using PaperLens.Testing;
using static PaperLens.Testing.NumberedPapers;

namespace PaperLens.Core.Tests.Catalog;

/// <summary>Issue 4 "The whole arXiv, offline": an import stopped after some batches continues where it
/// stopped, leaves the catalog consistent meanwhile, and ends with search and completion exactly as an
/// uninterrupted import. (The kill -9 of a real process is in the CLI tests; cancelling in process stops
/// the import at the same kind of point: after a committed batch, before the next.)</summary>
public sealed class SnapshotImportResumeTests : IDisposable
{
    private const int SeedCount = 57;
    // Enough for two committed batches and a partial third.
    private const int Papers = SnapshotImporter.BatchSize * 2 + 5_000;

    private readonly CatalogTestFiles files = new();

    public void Dispose() => files.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_import_stopped_after_a_batch_continues_where_it_stopped(bool compressed)
    {
        var path = WriteSnapshot("papers.jsonl", Papers, compressed);
        using var catalog = PaperCatalog.Open(files.CatalogPath);

        var committed = ImportUntilFirstCommit(catalog, path);

        Assert.InRange(committed, 1, Papers - 1);
        Assert.Equal(SeedCount + committed, catalog.Count());
        Assert.Equal([Id(1)], catalog.Search(UniqueWord(1), 5).Select(p => p.Id.Canonical));

        var rerun = new SnapshotImporter().Import(catalog, path);

        Assert.Null(rerun.Error);
        Assert.Equal(committed, rerun.ResumedAfter);
        Assert.Equal(Papers - committed, rerun.Read);
        Assert.Equal(Papers - committed, rerun.Inserted);
        Assert.Equal(SeedCount + Papers, catalog.Count());
        foreach (var n in new[] { 1, (int)committed, (int)committed + 1, Papers })
        {
            Assert.Equal([Id(n)], catalog.Search(UniqueWord(n), 5).Select(p => p.Id.Canonical));
            Assert.Equal([Id(n)], Complete(catalog, UniqueWord(n)));
        }
    }

    [Fact]
    public void Papers_of_an_interrupted_import_are_searchable_at_once_and_completed_once_it_finishes()
    {
        var path = WriteSnapshot("papers.jsonl", Papers, compressed: false);
        using var catalog = PaperCatalog.Open(files.CatalogPath);

        ImportUntilFirstCommit(catalog, path);

        Assert.Single(catalog.Search(UniqueWord(1), 5));
        Assert.Empty(Complete(catalog, UniqueWord(1)));
        Assert.Contains("2405.13956", Complete(catalog, "attention"));

        new SnapshotImporter().Import(catalog, path);

        Assert.Equal([Id(1)], Complete(catalog, UniqueWord(1)));
        // A heavy prefix (every paper has the word "resumable") answers from the rebuilt top lists, newest first.
        Assert.Equal(Enumerable.Range(0, 5).Select(i => Id(Papers - i)), Complete(catalog, "resumable").Take(5));
    }

    [Fact]
    public void Once_complete_the_same_file_is_read_again_from_the_start_and_changes_nothing()
    {
        var path = WriteSnapshot("papers.jsonl", Papers, compressed: false);
        using var catalog = PaperCatalog.Open(files.CatalogPath);
        ImportUntilFirstCommit(catalog, path);
        new SnapshotImporter().Import(catalog, path);

        var again = new SnapshotImporter().Import(catalog, path);

        Assert.Equal(0, again.ResumedAfter);
        Assert.Equal((long)Papers, again.Read);
        Assert.Equal((long)Papers, again.Unchanged);
        Assert.Equal(SeedCount + Papers, catalog.Count());
    }

    [Fact]
    public void A_file_changed_since_the_interrupted_import_is_read_from_the_start()
    {
        var path = WriteSnapshot("papers.jsonl", Papers, compressed: false);
        using var catalog = PaperCatalog.Open(files.CatalogPath);
        var committed = ImportUntilFirstCommit(catalog, path);
        File.AppendAllText(path, Line(Papers + 1));

        var rerun = new SnapshotImporter().Import(catalog, path);

        Assert.Equal(0, rerun.ResumedAfter);
        Assert.Equal(Papers + 1L, rerun.Read);
        Assert.Equal(committed, rerun.Unchanged);
        Assert.Equal(SeedCount + Papers + 1, catalog.Count());
    }

    [Fact]
    public void A_paper_retitled_before_the_rerun_is_completed_by_its_new_title_only()
    {
        var path = WriteSnapshot("papers.jsonl", Papers, compressed: false);
        using var catalog = PaperCatalog.Open(files.CatalogPath);
        ImportUntilFirstCommit(catalog, path);
        var staged = catalog.Find(ArxivId.Of(Id(1)))!;
        catalog.Upsert([staged with { Title = "Quokkas revisited", UpdateDate = new DateOnly(2024, 1, 1) }]);

        new SnapshotImporter().Import(catalog, path);

        Assert.Empty(Complete(catalog, UniqueWord(1)));
        Assert.Equal([Id(1)], Complete(catalog, "quokkas"));
    }

    // Runs an import and stops it right after its first batch is committed; returns the committed line.
    private static long ImportUntilFirstCommit(PaperCatalog catalog, string path)
    {
        using var stop = new CancellationTokenSource();
        long committed = 0;
        var progress = new SynchronousProgress(p =>
        {
            if (p.CommittedLine <= p.ResumedAfter) return;
            committed = p.CommittedLine;
            stop.Cancel();
        });
        Assert.ThrowsAny<OperationCanceledException>(() => new SnapshotImporter().Import(catalog, path, progress, stop.Token));
        return committed;
    }

    private static IReadOnlyList<string> Complete(PaperCatalog catalog, string text) =>
        catalog.Complete(CompletionQuery.Parse(text), 50, []).Papers.Select(p => p.Id.Canonical).ToList();

    private string WriteSnapshot(string name, int papers, bool compressed)
    {
        var path = files.PathOf(compressed ? name + ".gz" : name);
        using var file = File.Create(path);
        using var output = compressed ? new GZipStream(file, CompressionLevel.Fastest) : (Stream)file;
        using var writer = new StreamWriter(output, new UTF8Encoding(false));
        NumberedPapers.Write(writer, papers);
        return path;
    }

    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
