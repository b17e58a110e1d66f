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
    int? Cell = null);
