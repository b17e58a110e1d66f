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
}
