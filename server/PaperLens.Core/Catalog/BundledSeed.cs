namespace PaperLens.Core.Catalog;

/// <summary>The papers that ship inside PaperLens (../shared/seed/seed-papers.jsonl, embedded as a
/// resource), so that a new catalog knows them without a network or an import.</summary>
internal static class BundledSeed
{
    private const string ResourceName = "PaperLens.SeedPapers.jsonl";

    public static IEnumerable<PaperRecord> Records(DateTimeOffset fetchedAt)
    {
        using var stream = typeof(BundledSeed).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the build lost the embedded resource {ResourceName}");
        var lines = new Utf8LineReader(stream);
        var records = new List<PaperRecord>();
        while (lines.TryReadLine(out var line, out _))
        {
            if (line.Trim(" \t"u8).IsEmpty) continue;
            records.Add(SnapshotRecordParser.Parse(line, RecordSource.Bundled, fetchedAt, out var error)
                ?? throw new InvalidOperationException($"{ResourceName} line {lines.LineNumber}: {error}"));
        }
        return records;
    }
}
