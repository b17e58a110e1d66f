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

    /// <summary>Papers whose title may be <paramref name="title"/>, a title claim written beside a citation:
    /// a few candidates sharing its rarest words, for the caller to confirm with its own matching. A source
    /// with no title index has none.</summary>
    IReadOnlyList<PaperRecord> TitleCandidates(string title) => [];

    /// <summary>Which of many ids are confirmed misses.</summary>
    IReadOnlySet<ArxivId> ConfirmedMisses(IEnumerable<ArxivId> ids) => ids.Where(IsConfirmedMiss).ToHashSet();
}
