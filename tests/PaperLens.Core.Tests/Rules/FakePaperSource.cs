using PaperLens.Core.Catalog;
using PaperLens.Core.Identifiers;

namespace PaperLens.Core.Tests.Rules;

/// <summary>An in-memory catalog: the records given, and the ids arXiv is known not to have.</summary>
internal sealed class FakePaperSource(IEnumerable<PaperRecord> records, IEnumerable<string>? confirmedMisses = null) : IPaperSource
{
    private readonly Dictionary<string, PaperRecord> _records = records.ToDictionary(r => r.Id.Canonical, StringComparer.Ordinal);
    private readonly HashSet<string> _misses = new(confirmedMisses ?? [], StringComparer.Ordinal);

    public int Lookups { get; private set; }

    public static FakePaperSource WithFixtures(params string[] confirmedMisses) => new(RuleData.All.Values, confirmedMisses);

    public PaperRecord? Find(ArxivId id)
    {
        Lookups++;
        return _records.GetValueOrDefault(id.Canonical);
    }

    public bool IsConfirmedMiss(ArxivId id) => _misses.Contains(id.Canonical);
}
