namespace PaperLens.Core.Rules;

/// <summary>The rules of spec §4, exactly as its table lists them.</summary>
public static class RuleCatalog
{
    public static RuleDescriptor MalformedId { get; } =
        new("PL001", "malformed-id", Severity.Error, "An id in a citation form breaks the arXiv identifier rules.");

    public static RuleDescriptor UnknownPaper { get; } =
        new("PL002", "unknown-paper", Severity.Warning, "The id is well formed, but arXiv has no such paper.");

    public static RuleDescriptor TitleMismatch { get; } =
        new("PL003", "title-mismatch", Severity.Warning, "A title claim does not match the paper's title.");

    public static RuleDescriptor Withdrawn { get; } =
        new("PL004", "withdrawn", Severity.Warning, "The cited version, or the latest when none is cited, is withdrawn.");

    public static RuleDescriptor NewerVersion { get; } =
        new("PL005", "newer-version", Severity.Hint, "A version is pinned and a newer one exists.");

    public static RuleDescriptor NoSuchVersion { get; } =
        new("PL006", "no-such-version", Severity.Error, "The pinned version does not exist.");

    public static RuleDescriptor DuplicateEntry { get; } =
        new("PL007", "duplicate-entry", Severity.Warning, "Two .bib entries or two Markdown reference definitions in one file name the same paper.");

    public static RuleDescriptor UnresolvedKey { get; } =
        new("PL008", "unresolved-key", Severity.Error, "A pandoc citation key matches no .bib entry.");

    public static RuleDescriptor NotInCatalog { get; } =
        new("PL009", "not-in-catalog", Severity.Information, "The local catalog does not know the id and arXiv was not asked.");

    public static RuleDescriptor PublishedVersion { get; } =
        new("PL010", "published-version", Severity.Hint, "arXiv lists a journal reference or DOI for the paper.");

    public static RuleDescriptor BibSyntax { get; } =
        new("PL011", "bib-syntax", Severity.Error, "A .bib entry cannot be parsed; the rest of the file is still read.");

    public static RuleDescriptor UnknownName { get; } =
        new("PL012", "unknown-name", Severity.Hint, "A name claim appears in neither the paper's title nor its abstract.");

    public static RuleDescriptor AuthorMismatch { get; } =
        new("PL013", "author-mismatch", Severity.Warning, "An author-year claim's first surname is not among the paper's authors.");

    public static RuleDescriptor YearMismatch { get; } =
        new("PL014", "year-mismatch", Severity.Warning, "An author-year claim's year is earlier than the year of the paper's first version.");

    public static RuleDescriptor ConflictingIds { get; } =
        new("PL015", "conflicting-ids", Severity.Warning, "One BibTeX entry (or one reference-list entry) names two different arXiv ids.");

    /// <summary>Every rule, in code order.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } =
    [
        MalformedId, UnknownPaper, TitleMismatch, Withdrawn, NewerVersion, NoSuchVersion,
        DuplicateEntry, UnresolvedKey, NotInCatalog, PublishedVersion, BibSyntax, UnknownName,
        AuthorMismatch, YearMismatch, ConflictingIds,
    ];

    /// <summary>The rule with this code (<c>PL003</c>) or name (<c>title-mismatch</c>), any letter case; null if none.</summary>
    public static RuleDescriptor? Find(string codeOrName)
    {
        var key = codeOrName.Trim();
        foreach (var rule in All)
        {
            if (rule.Code.Equals(key, StringComparison.OrdinalIgnoreCase) || rule.Name.Equals(key, StringComparison.OrdinalIgnoreCase))
                return rule;
        }
        return null;
    }
}
