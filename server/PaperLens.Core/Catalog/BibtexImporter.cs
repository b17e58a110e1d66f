using PaperLens.Core.Scanning.Bibtex;
using PaperLens.Core.Text;

namespace PaperLens.Core.Catalog;

/// <summary>Adds the papers a .bib file names by arXiv id, with the titles and authors it gives, for
/// papers the catalog lacks. Such records are marked as from BibTeX: they never replace arXiv's own
/// (<see cref="RecordPrecedence"/>), and their version history is unknown, not empty.</summary>
public static class BibtexImporter
{
    /// <returns>What was written, how many entries were read, and the broken entries by 1-based line.</returns>
    public static (UpsertCounts Counts, int Entries, IReadOnlyList<(int Line, string Message)> Problems) Import(PaperCatalog catalog, string path)
    {
        var text = File.ReadAllText(path);
        var scan = BibtexScanner.Scan(text, 0, text.Length);
        var fetched = new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero);
        var records = scan.Entries
            .Where(e => e.Id is not null && !string.IsNullOrWhiteSpace(e.Title))
            .DistinctBy(e => e.Id!.Canonical)
            .Select(e => new PaperRecord
            {
                Id = e.Id!,
                Title = TexText.ToPlain(e.Title!),
                Authors = e.Authors ?? "",
                Doi = e.Fields.GetValueOrDefault("doi"),
                JournalRef = e.Fields.GetValueOrDefault("journal") is { } journal && !journal.Contains("arxiv", StringComparison.OrdinalIgnoreCase) ? journal : null,
                VersionsComplete = false,
                Source = RecordSource.Bibtex,
                FetchedAt = fetched,
            })
            .ToList();
        var lines = new LineMap(text);
        var problems = scan.Problems.Select(p => (lines.GetPosition(p.Span.Start).Line + 1, p.Message)).ToList();
        return (catalog.Upsert(records), scan.Entries.Count, problems);
    }
}
