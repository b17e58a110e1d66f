using System.Diagnostics;
using PaperLens.Core.Catalog;

namespace PaperLens.Metadata;

/// <summary><c>paperlens import feed.xml</c>: a saved arXiv API response into the catalog, whole or not
/// at all (a feed that does not parse to its end adds nothing).</summary>
public sealed class AtomFileImporter : IPaperImporter
{
    private static ReadOnlySpan<byte> BlankOrBom => [(byte)' ', (byte)'\t', (byte)'\r', (byte)'\n', 0xEF, 0xBB, 0xBF];

    public string Format => "saved arXiv API responses (Atom .xml)";

    public bool RecognisesName(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() is ".xml" or ".atom";

    /// <summary>A response saved under another name (curl -o response): an Atom <c>feed</c> element near the start.</summary>
    public bool RecognisesContent(ReadOnlySpan<byte> head) =>
        head.TrimStart(BlankOrBom) is [(byte)'<', ..] && head.IndexOf("<feed"u8) >= 0;

    public ImportResult Import(PaperCatalog catalog, string path, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
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
