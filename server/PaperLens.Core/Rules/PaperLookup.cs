using PaperLens.Core.Catalog;
using PaperLens.Core.Identifiers;

namespace PaperLens.Core.Rules;

/// <summary>One check's view of the paper source: each id is looked up once however often it is
/// cited, and a record's title and abstract are normalised once however many claims it meets.</summary>
internal sealed class PaperLookup(IPaperSource source)
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public sealed class Entry(PaperRecord? record, bool confirmedMiss)
    {
        private NormalizedTitle? _title;
        private PaperText? _text;

        public PaperRecord? Record { get; } = record;

        public bool ConfirmedMiss { get; } = confirmedMiss;

        public NormalizedTitle Title => _title ??= NormalizedTitle.Of(Record!.Title);

        public PaperText Text => _text ??= PaperText.Of(Record!.Title, Record.Abstract);
    }

    public Entry Get(ArxivId id)
    {
        if (_entries.TryGetValue(id.Canonical, out var entry)) return entry;
        var record = source.Find(id);
        entry = new Entry(record, record is null && source.IsConfirmedMiss(id));
        _entries.Add(id.Canonical, entry);
        return entry;
    }

    /// <summary>Papers looked up so far that the source knows.</summary>
    public IEnumerable<Entry> Known => _entries.Values.Where(e => e.Record is not null);
}
