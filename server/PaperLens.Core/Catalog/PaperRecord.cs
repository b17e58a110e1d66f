using PaperLens.Core.Identifiers;

namespace PaperLens.Core.Catalog;

/// <summary>Where a catalog record came from; arXiv's own records always win over a .bib's.</summary>
public enum RecordSource
{
    Bundled,
    Snapshot,
    ArxivApi,
    Bibtex,
}

public sealed record PaperVersion(int Number, DateTimeOffset? Created);

/// <summary>An author as the snapshot's <c>authors_parsed</c> gives it (Unicode, not TeX).</summary>
public sealed record AuthorName(string Last, string First, string Suffix);

/// <summary>Everything the catalog knows about one paper: every field of the arXiv snapshot layout
/// (../shared/data/README.md), plus the version history's completeness, the withdrawn state of the
/// latest version, and where and when the record was obtained.</summary>
public sealed record PaperRecord
{
    public required ArxivId Id { get; init; }

    public required string Title { get; init; }

    /// <summary>The authors as one string, TeX accents as written (<c>C. Bal\'azs, E. L. Berger</c>).</summary>
    public required string Authors { get; init; }

    private readonly StoredAbstract? storedAbstract;

    public string? Abstract
    {
        get => storedAbstract?.Text;
        init => storedAbstract = value is null ? null : StoredAbstract.Plain(value);
    }

    /// <summary>The abstract as the catalog stores it, decompressed when <see cref="Abstract"/> is read.</summary>
    internal StoredAbstract? StoredAbstract
    {
        get => storedAbstract;
        init => storedAbstract = value;
    }

    public string? Submitter { get; init; }

    public string? Comments { get; init; }

    public string? JournalRef { get; init; }

    public string? Doi { get; init; }

    public string? ReportNo { get; init; }

    /// <summary>Space-separated in the snapshot; primary category first.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    public string? License { get; init; }

    public IReadOnlyList<PaperVersion> Versions { get; init; } = [];

    /// <summary>False when only part of the history is known: then a version missing from
    /// <see cref="Versions"/> is unknown, not absent (PL005/PL006 stay silent).</summary>
    public bool VersionsComplete { get; init; } = true;

    public DateOnly? UpdateDate { get; init; }

    public IReadOnlyList<AuthorName>? AuthorsParsed { get; init; }

    /// <summary>The latest version is withdrawn (arXiv replaces it with a withdrawal notice).</summary>
    public bool Withdrawn { get; init; }

    public RecordSource Source { get; init; } = RecordSource.Snapshot;

    public DateTimeOffset FetchedAt { get; init; }

    public int? LatestVersion => Versions.Count == 0 ? null : Versions.Max(v => v.Number);

    public DateTimeOffset? Submitted => Versions.FirstOrDefault(v => v.Number == 1)?.Created;
}
