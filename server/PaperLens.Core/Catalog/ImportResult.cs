namespace PaperLens.Core.Catalog;

/// <summary>How far an import has got: <see cref="BytesRead"/> of the file's <see cref="TotalBytes"/>
/// (compressed bytes for a .gz file), the records read so far by this run, the line (or JSON array
/// element) up to which the catalog holds the file (<see cref="CommittedLine"/>: a rerun after a kill
/// continues after it), the line an interrupted earlier import had committed, where this run began
/// (<see cref="ResumedAfter"/>, 0 for a fresh start), and whether the file is read and the import is
/// building its completion index (<see cref="Indexing"/>: the last step, a minute for the whole arXiv).</summary>
public readonly record struct ImportProgress(long BytesRead, long TotalBytes, long Records, long CommittedLine, long ResumedAfter, bool Indexing = false);

/// <summary>A line (or, in a JSON array file, an element) that was skipped, and why.</summary>
public sealed record ImportFailure(long Line, string Reason);

/// <summary>What an import did, whichever importer did it (<see cref="IPaperImporter"/>).
/// <see cref="Read"/> counts the file's <see cref="Unit"/>s read, good or bad;
/// <see cref="Unchanged"/> counts records the catalog already had, or had newer.
/// <see cref="Failures"/> lists the first <see cref="MaxListedFailures"/> lines that were skipped, and why;
/// <see cref="Failed"/> counts them all.
/// <see cref="Error"/> is set when the file could not be read to its end (missing, unreadable, a broken
/// gzip stream, a JSON array broken mid-way): what was read before it is imported.
/// <see cref="ResumedAfter"/> is the line after which this run continued an interrupted import of the
/// same file (0 when it started from the beginning); the counts are this run's.
/// <see cref="Note"/> is what a reader of the counts should know about this format, if anything.</summary>
public sealed record ImportResult
{
    public const int MaxListedFailures = 1000;

    /// <summary>What one item of the file is called ("record", "entry"), singular.</summary>
    public string Unit { get; init; } = "record";

    public long Read { get; init; }

    public long Inserted { get; init; }

    public long Updated { get; init; }

    public long Unchanged { get; init; }

    public long Failed { get; init; }

    public IReadOnlyList<ImportFailure> Failures { get; init; } = [];

    public long ResumedAfter { get; init; }

    public string? Error { get; init; }

    public string? Note { get; init; }

    public TimeSpan Elapsed { get; init; }
}

/// <summary>What <see cref="PaperCatalog.Upsert"/> did with the records it was given.</summary>
public readonly record struct UpsertCounts(long Inserted, long Updated, long Unchanged);
