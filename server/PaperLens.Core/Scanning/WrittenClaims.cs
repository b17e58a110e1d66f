using PaperLens.Core.Citations;

namespace PaperLens.Core.Scanning;

/// <summary>Everything written beside one citation about which paper it is (spec §2): a title or name
/// claim and an author-year claim, either or both absent.</summary>
public readonly record struct WrittenClaims(Claim? Claim, AuthorYearClaim? AuthorYear)
{
    public static readonly WrittenClaims None = default;

    /// <summary>These claims, each part taken from <paramref name="fallback"/> where this one has none.</summary>
    public WrittenClaims Or(WrittenClaims fallback) => new(Claim ?? fallback.Claim, AuthorYear ?? fallback.AuthorYear);
}
