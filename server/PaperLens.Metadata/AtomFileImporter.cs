using System.Diagnostics;
using PaperLens.Core.Catalog;

namespace PaperLens.Metadata;

/// <summary><c>paperlens import feed.xml</c>: a saved arXiv API response into the catalog, whole or not
/// at all (a feed that does not parse to its end adds nothing).</summary>
public static class AtomFileImporter
{
    public static ImportResult Import(PaperCatalog catalog, string path)
    {
        var started = Stopwatch.GetTimestamp();
        IReadOnlyList<PaperRecord> records;
        try
        {
            using var file = File.OpenRead(path);
            records = AtomFeedParser.Parse(file, DateTimeOffset.UtcNow);
        }
        catch (Exception e) when (e is AtomFeedException or IOException or UnauthorizedAccessException)
        {
            return new ImportResult { Error = $"{path}: {e.Message}; nothing was imported from it", Elapsed = Stopwatch.GetElapsedTime(started) };
        }
        var counts = catalog.Upsert(records);
        return new ImportResult
        {
            Read = records.Count,
            Inserted = counts.Inserted,
            Updated = counts.Updated,
            Unchanged = counts.Unchanged,
            Elapsed = Stopwatch.GetElapsedTime(started),
        };
    }
}
