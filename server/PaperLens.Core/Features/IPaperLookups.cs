using PaperLens.Core.Identifiers;

namespace PaperLens.Core.Features;

/// <summary>The arXiv lookups a front end runs in the background, which the core cannot see: asked
/// (never awaited) so a hover on a missing paper can say whether asking again later shows more.
/// A front end that makes no requests (offline) has none to pass.</summary>
public interface IPaperLookups
{
    /// <summary>The id waits for a lookup or is being looked up now.</summary>
    bool IsPending(ArxivId id);

    /// <summary>The last lookup of the id failed; it is tried again later.</summary>
    bool HasFailed(ArxivId id);
}
