using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using PaperLens.Core.Scanning.Bibtex;
using PaperLens.Core.Text;

namespace PaperLens.Core.Catalog;

/// <summary>Adds the papers a .bib file names by arXiv id, with the titles and authors it gives, for
/// papers the catalog lacks. Such records are marked as from BibTeX: they never replace arXiv's own
/// (<see cref="RecordPrecedence"/>), and their version history is unknown, not empty. The result counts
/// entries read (arXiv papers or not); its failures are the broken entries, by 1-based line.</summary>
public sealed partial class BibtexImporter : IPaperImporter
{
    public string Format => "BibTeX files (.bib)";

    public bool RecognisesName(string fileName) => Path.GetExtension(fileName).Equals(".bib", StringComparison.OrdinalIgnoreCase);

    /// <summary>A bibliography saved under another name: a line starts an entry such as <c>@article{</c>
    /// (real files open with comments and <c>%</c> lines, so it need not be the first).</summary>
    public bool RecognisesContent(ReadOnlySpan<byte> head) => EntryStart().IsMatch(Encoding.Latin1.GetString(head));

    public ImportResult Import(PaperCatalog catalog, string path, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new ImportResult { Unit = "entry", Error = $"cannot read {path}: {ex.Message}", Elapsed = Stopwatch.GetElapsedTime(started) };
        }
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
        var problems = scan.Problems.Select(p => new ImportFailure(lines.GetPosition(p.Span.Start).Line + 1, p.Message)).ToList();
        var counts = catalog.Upsert(records);
        return new ImportResult
        {
            Unit = "entry",
            Read = scan.Entries.Count,
            Inserted = counts.Inserted,
            Updated = counts.Updated,
            Unchanged = counts.Unchanged,
            Failed = problems.Count,
            Failures = problems.Take(ImportResult.MaxListedFailures).ToList(),
            Note = "arXiv's own records are kept",
            Elapsed = Stopwatch.GetElapsedTime(started),
        };
    }

    // Latin-1 keeps one character per byte, so a UTF-8 BOM reads as these three.
    [GeneratedRegex(@"^(?:\u00EF\u00BB\u00BF)?[ \t]*@[A-Za-z]+[ \t]*[{(]", RegexOptions.Multiline)]
    private static partial Regex EntryStart();
}
