using PaperLens.Core.Identifiers;
using PaperLens.Core.Text;

namespace PaperLens.Core.Rules;

/// <summary>One finding of the check (spec §4), located by offsets in its document.</summary>
public sealed record Diagnostic(
    string Path,
    TextSpan Span,
    Severity Severity,
    string Code,
    string Message,
    ArxivId? Id,
    int? Cell = null,
    int? CellLine = null)
{
    /// <summary>A second place in the same document the finding is about: the claim's text for
    /// PL003 and PL012 (the range itself is the id's, spec §4). Null for other rules.</summary>
    public TextSpan? RelatedSpan { get; init; }

    /// <summary>For PL003, the paper whose title the claim is (spec §2, end): the citation most likely has
    /// the wrong id, and the fix replaces it with this one. Null when no such paper is known.</summary>
    public ArxivId? TitleOf { get; init; }
}
