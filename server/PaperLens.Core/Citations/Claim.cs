using PaperLens.Core.Text;

namespace PaperLens.Core.Citations;

public enum ClaimKind
{
    /// <summary>Text that reads as the paper's title; checked by PL003.</summary>
    Title,
    /// <summary>A short name or label (<c>[Informer](…)</c>, <c>- Mamba: URL</c>); checked only by PL012.</summary>
    Name,
}

/// <summary>What the author wrote beside a citation about which paper it is (spec §2).
/// Prose descriptions ("this paper") are not claims and are never represented.</summary>
public sealed record Claim(string Text, ClaimKind Kind, TextSpan Span);
