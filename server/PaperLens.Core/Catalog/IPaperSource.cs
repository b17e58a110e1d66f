using PaperLens.Core.Identifiers;

namespace PaperLens.Core.Catalog;

/// <summary>What the rules and features read from the catalog. Answers come from local data only:
/// nothing behind this interface may wait on the network.</summary>
public interface IPaperSource
{
    PaperRecord? Find(ArxivId id);

    /// <summary>arXiv was asked and has no such paper (a cached confirmed miss).</summary>
    bool IsConfirmedMiss(ArxivId id);

    /// <summary>The records of many ids at once (those the source has). A workspace cites thousands of
    /// papers; a source that can answer in one query should.</summary>
    IReadOnlyDictionary<ArxivId, PaperRecord> FindMany(IEnumerable<ArxivId> ids) =>
        ids.Distinct().Select(id => (Id: id, Record: Find(id))).Where(p => p.Record is not null).ToDictionary(p => p.Id, p => p.Record!);

    /// <summary>Which of many ids are confirmed misses.</summary>
    IReadOnlySet<ArxivId> ConfirmedMisses(IEnumerable<ArxivId> ids) => ids.Where(IsConfirmedMiss).ToHashSet();
}
