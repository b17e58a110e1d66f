using System.Text.RegularExpressions;

namespace PaperLens.Core.Catalog;

/// <summary>Recognises arXiv's withdrawal notice. When the latest version of a paper is withdrawn, the
/// snapshot (and the API) carry the notice at the start of its comments or abstract: "This paper has been
/// withdrawn by the author(s)", "This article has been withdrawn because ...", "paper withdrawn by author",
/// "withdrawn by arXiv administrators due to ...". Only the start counts: an abstract that merely uses
/// the word (a withdrawn liquidity, a withdrawn claim) is not a notice.</summary>
public static partial class WithdrawalNotice
{
    public static bool IsWithdrawn(string? comments, string? @abstract) =>
        StartsWithNotice(comments) || StartsWithNotice(@abstract);

    private static bool StartsWithNotice(string? text) =>
        text is not null && Notice().IsMatch(text.AsSpan().TrimStart());

    [GeneratedRegex(
        """
        ^(?:
            (?:this|the)\s+(?:[\w-]+\s+){0,2}(?:has|have|is|was)\s+(?:been\s+)?withdrawn
          | (?:the\s+)?authors?\s+(?:has|have)\s+withdrawn
          | (?:paper|article|submission|manuscript|preprint)\s+(?:is\s+|has\s+been\s+)?withdrawn
          | withdrawn\b
        )
        """,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Notice();
}
