using PaperLens.Core.Text;

namespace PaperLens.Core.Citations;

public enum ClaimKind
{
    /// <summary>Text that reads as the paper's title; checked by PL003.</summary>
    Title,
    /// <summary>A short name or label (<c>[Informer](…)</c>, <c>- Mamba: URL</c>, <c>Direct Preference
    /// Optimization (DPO)</c>); checked only by PL012.</summary>
    Name,
}

/// <summary>What the author wrote beside a citation about which paper it is (spec §2).
/// Prose descriptions ("this paper") are not claims and are never represented.</summary>
public sealed record Claim(string Text, ClaimKind Kind, TextSpan Span);

/// <summary>The authors and year written beside a citation (spec §2): an author-year reference entry,
/// author-year link text (<c>[Gu et al., 2023](…)</c>), a BibTeX entry's <c>author</c> and <c>year</c>.
/// Either part may be missing; the text is kept as written (TeX already made plain).</summary>
public sealed record AuthorYearClaim(string? Authors, TextSpan? AuthorsSpan, int? Year, TextSpan? YearSpan)
{
    /// <summary>The entry names a venue other than arXiv (a journal, proceedings, a report's institution),
    /// whose year may precede the arXiv version's: PL014 does not judge it.</summary>
    public bool PublishedElsewhere { get; init; }
}
