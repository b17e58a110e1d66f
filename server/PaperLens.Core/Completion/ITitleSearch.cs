namespace PaperLens.Core.Completion;

/// <summary>A search beyond the catalog that a front end runs in the background and that adds the
/// papers it finds to the catalog. Completion decides when one is worth asking for
/// (<see cref="PaperCompletion.TitleSearchQuery"/>); the front end decides whether it can run one now.</summary>
public interface ITitleSearch
{
    /// <summary>Offers a search for the query's words; returns whether one is running now (started by
    /// this call or an earlier one), that is whether the client should ask again as the user types.</summary>
    bool Offer(CompletionQuery query);
}
