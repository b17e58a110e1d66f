using PaperLens.Core.Identifiers;

namespace PaperLens.Core.Catalog;

/// <summary>What the rules and features read from the catalog. Answers come from local data only:
/// nothing behind this interface may wait on the network.</summary>
public interface IPaperSource
{
    PaperRecord? Find(ArxivId id);

    /// <summary>arXiv was asked and has no such paper (a cached confirmed miss).</summary>
    bool IsConfirmedMiss(ArxivId id);
}
